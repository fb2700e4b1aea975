package org.vigil.protocol.notification;

/**
 * A way to reach a person, and the way an acknowledgement came in.
 */
public enum ContactChannel {

	/**
	 * The web console (STOMP alert), where acknowledgements came from before channels.
	 */
	CONSOLE("the console"),

	/** E-mail over SMTP. */
	EMAIL("e-mail"),

	/** A text message through an SMS provider. */
	SMS("SMS"),

	/** A voice call through a voice provider. */
	VOICE("voice call"),

	/** Web Push to the browser the console was opened in. */
	PUSH("browser push");

	private final String words;

	ContactChannel(String words) {
		this.words = words;
	}

	/** How the timeline names it: "acknowledged by … via e-mail". */
	public String words() {
		return this.words;
	}

}
