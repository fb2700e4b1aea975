package org.vigil.audit.export;

/**
 * One thing wrong with an export.
 *
 * @param line the line of the export it is about, from 1; 0 if the export as a whole
 * @param message what is wrong, naming the sequence number or checkpoint
 */
public record Problem(int line, String message) {

	@Override
	public String toString() {
		return (this.line > 0) ? "line " + this.line + ": " + this.message : this.message;
	}

}
