package org.vigil.embedded.push;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Web Push service on 127.0.0.1 for tests, playing the browser too: {@link #subscribe}
 * makes a subscription (a P-256 key pair and an authentication secret, as a browser does)
 * for an application server key, and {@code POST /push/<id>} to its endpoint checks what
 * a push service checks — the VAPID token (RFC 8292: ES256 signature by the key the
 * subscription was made with, audience this origin, expiry within 24 hours, a
 * mailto/https subject) — then decrypts the {@code aes128gcm} body (RFC 8291) with the
 * subscriber's private key, as the browser would. Written apart from the notifier's
 * sender, so that the two check each other.
 *
 * <p>
 * Answers 201 for a message taken, 403 for a bad VAPID token, 400 for a body that does
 * not decrypt, 404 for an unknown subscription and 410 for one {@link #expire expired}.
 */
public final class PushServiceSimulator implements AutoCloseable {

	/**
	 * A subscription, as {@code PushSubscription.toJSON()} gives it.
	 *
	 * @param endpoint where to POST
	 * @param p256dh the subscriber's public key, base64url
	 * @param auth the authentication secret, base64url
	 */
	public record Subscription(String endpoint, String p256dh, String auth) {
	}

	/**
	 * A push received.
	 *
	 * @param endpoint the subscription's endpoint
	 * @param status what the simulator answered
	 * @param plaintext the decrypted payload; null when refused
	 * @param urgency the {@code Urgency} header
	 * @param ttl the {@code TTL} header
	 * @param problem why it was refused; null when taken
	 * @param receivedAt when it came
	 */
	public record Push(String endpoint, int status, String plaintext, String urgency, String ttl, String problem,
			Instant receivedAt) {
	}

	private record Subscriber(String applicationServerKey, KeyPair keys, byte[] publicKey, byte[] auth) {
	}

	private static final Pattern VAPID = Pattern.compile("vapid t=([^,\\s]+),\\s*k=([A-Za-z0-9_-]+)");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final ECParameterSpec P256;

	static {
		try {
			AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
			parameters.init(new ECGenParameterSpec("secp256r1"));
			P256 = parameters.getParameterSpec(ECParameterSpec.class);
		}
		catch (GeneralSecurityException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final HttpServer server;

	private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();

	private final Map<String, Boolean> expired = new ConcurrentHashMap<>();

	private final List<Push> pushes = new CopyOnWriteArrayList<>();

	private PushServiceSimulator(HttpServer server) {
		this.server = server;
	}

	/** Starts a simulator on a free (or the given) loopback port. */
	public static PushServiceSimulator start(int port) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
			PushServiceSimulator simulator = new PushServiceSimulator(server);
			server.createContext("/push/", simulator::handle);
			server.setExecutor(Executors.newCachedThreadPool((task) -> {
				Thread thread = new Thread(task, "push-service-simulator");
				thread.setDaemon(true);
				return thread;
			}));
			server.start();
			return simulator;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** This service's origin, the audience a VAPID token must name. */
	public String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * A browser subscribes.
	 * @param applicationServerKey the VAPID public key it subscribes with, base64url
	 */
	public Subscription subscribe(String applicationServerKey) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(P256);
			KeyPair keys = generator.generateKeyPair();
			ECPoint w = ((ECPublicKey) keys.getPublic()).getW();
			byte[] publicKey = new byte[65];
			publicKey[0] = 4;
			unsigned(w.getAffineX(), publicKey, 1);
			unsigned(w.getAffineY(), publicKey, 33);
			byte[] auth = new byte[16];
			RANDOM.nextBytes(auth);
			String id = UUID.randomUUID().toString();
			this.subscribers.put(id, new Subscriber(applicationServerKey, keys, publicKey, auth));
			return new Subscription(origin() + "/push/" + id, b64(publicKey), b64(auth));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The browser unsubscribed: pushes to it are answered 410 Gone. */
	public void expire(Subscription subscription) {
		this.expired.put(id(subscription.endpoint()), Boolean.TRUE);
	}

	/** Every push received, refused ones included, oldest first. */
	public List<Push> pushes() {
		return List.copyOf(this.pushes);
	}

	/** The pushes to one subscription. */
	public List<Push> pushesTo(Subscription subscription) {
		return this.pushes.stream().filter((push) -> push.endpoint().equals(subscription.endpoint())).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			String endpoint = origin() + exchange.getRequestURI().getPath();
			String urgency = exchange.getRequestHeaders().getFirst("Urgency");
			String ttl = exchange.getRequestHeaders().getFirst("TTL");
			String id = id(endpoint);
			Subscriber subscriber = this.subscribers.get(id);
			int status;
			String plaintext = null;
			String problem = null;
			if (!"POST".equals(exchange.getRequestMethod())) {
				status = 405;
				problem = "not a POST";
			}
			else if (subscriber == null) {
				status = 404;
				problem = "no such subscription";
			}
			else if (this.expired.containsKey(id)) {
				status = 410;
				problem = "unsubscribed";
			}
			else if ((problem = vapidProblem(exchange.getRequestHeaders().getFirst("Authorization"),
					subscriber)) != null) {
				status = 403;
			}
			else if (ttl == null || !"aes128gcm".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				status = 400;
				problem = "TTL and Content-Encoding: aes128gcm are required";
			}
			else {
				try {
					plaintext = new String(decrypt(body, subscriber), StandardCharsets.UTF_8);
					status = 201;
				}
				catch (GeneralSecurityException | RuntimeException ex) {
					status = 400;
					problem = "does not decrypt: " + ex;
				}
			}
			this.pushes.add(new Push(endpoint, status, plaintext, urgency, ttl, problem, Instant.now()));
			if (status == 201) {
				exchange.getResponseHeaders().add("Location", origin() + "/message/" + UUID.randomUUID());
			}
			exchange.sendResponseHeaders(status, -1);
		}
	}

	/** Why the VAPID authorization is not acceptable; null if it is. */
	private String vapidProblem(String authorization, Subscriber subscriber) {
		if (authorization == null) {
			return "no Authorization";
		}
		Matcher vapid = VAPID.matcher(authorization);
		if (!vapid.matches()) {
			return "not a vapid authorization";
		}
		if (!vapid.group(2).equals(subscriber.applicationServerKey())) {
			return "k is not the key the subscription was made with";
		}
		String[] jwt = vapid.group(1).split("\\.");
		if (jwt.length != 3) {
			return "not a JWT";
		}
		try {
			Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
			verifier.initVerify(publicKey(unb64(vapid.group(2))));
			verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
			if (!verifier.verify(unb64(jwt[2]))) {
				return "bad signature";
			}
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return "bad signature: " + ex;
		}
		String header = new String(unb64(jwt[0]), StandardCharsets.UTF_8);
		String claims = new String(unb64(jwt[1]), StandardCharsets.UTF_8);
		if (!header.replace(" ", "").contains("\"alg\":\"ES256\"")) {
			return "not ES256";
		}
		Matcher aud = Pattern.compile("\"aud\"\\s*:\\s*\"([^\"]*)\"").matcher(claims);
		Matcher exp = Pattern.compile("\"exp\"\\s*:\\s*([0-9]+)").matcher(claims);
		Matcher sub = Pattern.compile("\"sub\"\\s*:\\s*\"(mailto:|https://)[^\"]+\"").matcher(claims);
		if (!aud.find() || !aud.group(1).equals(origin())) {
			return "aud is not " + origin();
		}
		long now = Instant.now().getEpochSecond();
		if (!exp.find() || Long.parseLong(exp.group(1)) <= now - 60
				|| Long.parseLong(exp.group(1)) > now + 24 * 3600 + 60) {
			return "exp missing, past, or more than 24 hours ahead";
		}
		if (!sub.find()) {
			return "sub is not a mailto: or https: contact";
		}
		return null;
	}

	private static byte[] decrypt(byte[] body, Subscriber subscriber) throws GeneralSecurityException {
		byte[] salt = Arrays.copyOfRange(body, 0, 16);
		int recordSize = ((body[16] & 0xff) << 24) | ((body[17] & 0xff) << 16) | ((body[18] & 0xff) << 8)
				| (body[19] & 0xff);
		int idLength = body[20] & 0xff;
		if (idLength != 65 || recordSize < 18 || body.length - 21 - idLength > recordSize) {
			throw new GeneralSecurityException("not one aes128gcm record with a P-256 key id");
		}
		byte[] senderKey = Arrays.copyOfRange(body, 21, 21 + idLength);
		KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
		agreement.init((ECPrivateKey) subscriber.keys().getPrivate());
		agreement.doPhase(publicKey(senderKey), true);
		byte[] info = new byte[14 + 65 + 65];
		System.arraycopy("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), 0, info, 0, 14);
		System.arraycopy(subscriber.publicKey(), 0, info, 14, 65);
		System.arraycopy(senderKey, 0, info, 79, 65);
		byte[] ikm = hkdf(subscriber.auth(), agreement.generateSecret(), info, 32);
		byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
		byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
		byte[] padded = cipher.doFinal(Arrays.copyOfRange(body, 21 + idLength, body.length));
		int end = padded.length - 1;
		while (end >= 0 && padded[end] == 0) {
			end--;
		}
		if (end < 0 || padded[end] != 2) {
			throw new GeneralSecurityException("the last record does not end with the delimiter 0x02");
		}
		return Arrays.copyOf(padded, end);
	}

	private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(salt, "HmacSHA256"));
		byte[] prk = mac.doFinal(ikm);
		mac.init(new SecretKeySpec(prk, "HmacSHA256"));
		mac.update(info);
		mac.update((byte) 1);
		return Arrays.copyOf(mac.doFinal(), length);
	}

	private static ECPublicKey publicKey(byte[] point) throws GeneralSecurityException {
		if (point.length != 65 || point[0] != 4) {
			throw new GeneralSecurityException("not an uncompressed P-256 point");
		}
		return (ECPublicKey) KeyFactory.getInstance("EC")
			.generatePublic(new ECPublicKeySpec(new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
					new BigInteger(1, Arrays.copyOfRange(point, 33, 65))), P256));
	}

	private static void unsigned(BigInteger value, byte[] out, int offset) {
		byte[] bytes = value.toByteArray();
		int skip = (bytes.length > 32) ? bytes.length - 32 : 0;
		int length = bytes.length - skip;
		System.arraycopy(bytes, skip, out, offset + 32 - length, length);
	}

	private static String id(String endpoint) {
		return endpoint.substring(endpoint.lastIndexOf('/') + 1);
	}

	private static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] unb64(String value) {
		return Base64.getUrlDecoder().decode(value);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
