package org.vigil.directory.lifecycle;

import org.springframework.context.SmartLifecycle;

/**
 * A {@link SmartLifecycle} made of a start and a stop action at a given phase. Services
 * order their start-up with it: the directory replica first, then whatever needs the
 * directory. {@code start} may block until its part is ready, which holds back every
 * later phase.
 */
public final class PhasedLifecycle implements SmartLifecycle {

	private final int phase;

	private final Runnable start;

	private final Runnable stop;

	private volatile boolean running;

	public PhasedLifecycle(int phase, Runnable start, Runnable stop) {
		this.phase = phase;
		this.start = start;
		this.stop = stop;
	}

	@Override
	public void start() {
		this.start.run();
		this.running = true;
	}

	@Override
	public void stop() {
		try {
			this.stop.run();
		}
		finally {
			this.running = false;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return this.phase;
	}

}
