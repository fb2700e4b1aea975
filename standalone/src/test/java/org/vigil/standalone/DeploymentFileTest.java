package org.vigil.standalone;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import tools.jackson.databind.JsonNode;

import org.vigil.protocol.json.WireJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be run here (no Docker engine on the build machines), so it
 * is checked against what it deploys: every Maven module with a Spring Boot {@code main}
 * that is a service has a container built from this repository with a valid Dockerfile;
 * images are pinned; health checks exist where {@code depends_on} waits for health;
 * ports, volumes and the Prometheus scrape jobs agree; every {@code VIGIL_*} variable
 * names a real setting. A new service module (a notifier, say) fails this test until it
 * is deployed.
 */
class DeploymentFileTest {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	/**
	 * Modules that are not services, with the reason. Every other module must have a
	 * Spring Boot main and a container.
	 */
	static final Map<String, String> NOT_SERVICES = Map.of("protocol", "a library: the wire language", "cli",
			"a command (pki-init and crl-refresh run it)", "embedded",
			"in-process Kafka and Redis for tests and the demo", "benchmarks", "measurements, run on demand",
			"standalone", "the demo in one JVM (./run-network)");

	/** The port every Vigil container serves its API on (Spring Boot's default). */
	static final int SERVER_PORT = 8080;

	static Map<String, Object> compose;

	static Map<String, Map<String, Object>> services;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void parse() throws IOException {
		try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
			compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
		}
		services = (Map<String, Map<String, Object>>) compose.get("services");
	}

	@Test
	void everyModuleIsAServiceOrSaysWhyNot() throws Exception {
		for (String module : modules()) {
			if (!NOT_SERVICES.containsKey(module)) {
				assertThat(hasSpringBootMain(module))
					.as("module %s has no Spring Boot main: give it one, or list it in NOT_SERVICES with why", module)
					.isTrue();
			}
		}
		assertThat(NOT_SERVICES.keySet()).as("NOT_SERVICES names modules that exist").isSubsetOf(modules());
	}

	@Test
	void everyServiceModuleHasAContainerBuiltFromThisRepository() throws Exception {
		Set<String> expected = serviceModules();
		assertThat(expected).contains("directory", "dispatcher", "gateway", "audit");
		Map<String, String> built = new HashMap<>();
		services.forEach((name, service) -> {
			Map<String, Object> build = map(service.get("build"));
			if (!build.isEmpty()) {
				Path context = ROOT.resolve(build.get("context").toString()).normalize();
				assertThat(context).as("%s: build context", name).isDirectory();
				Path dockerfile = context.resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile")));
				assertThat(dockerfile).as("%s: Dockerfile", name).isRegularFile();
				assertThat(service.get("pull_policy")).as("%s is built from this repository, never pulled", name)
					.isEqualTo("build");
				String module = String.valueOf(map(build.get("args")).get("MODULE"));
				assertThat(modules()).as("%s: MODULE build argument", name).contains(module);
				built.put(module, name);
			}
		});
		assertThat(built.keySet()).as("a container per service module").containsAll(expected);
		for (String module : expected) {
			assertThat(Files.readString(ROOT.resolve(module).resolve("pom.xml")))
				.as("%s builds the executable jar the Dockerfile copies", module)
				.contains("<artifactId>vigil-" + module + "</artifactId>")
				.contains("<classifier>exec</classifier>");
		}
	}

	@Test
	void theDockerfileBuildsAnyModuleWithTheWrapperAndCopiesEveryModuleTheReactorNeeds() throws Exception {
		String dockerfile = Files.readString(ROOT.resolve("deploy/Dockerfile"));
		assertThat(dockerfile).contains("ARG MODULE").contains("./mvnw").contains("-pl \"$MODULE\" -am");
		for (String module : modules()) {
			// The root pom lists every module, so Maven needs each folder to read the
			// reactor.
			assertThat(dockerfile).as("the build stage copies %s", module).contains("COPY " + module + " " + module);
		}
		Matcher from = Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile);
		while (from.find()) {
			assertPinned("Dockerfile", from.group(1));
		}
		assertThat(Files.readString(ROOT.resolve(".dockerignore"))).contains("**/target").contains(".git");
	}

	@Test
	void theDispatcherRunsTwiceToShowScaleOut() {
		Map<String, Object> dispatcher = services.get("dispatcher");
		assertThat(((Number) map(dispatcher.get("deploy")).get("replicas")).intValue()).isGreaterThanOrEqualTo(2);
		assertThat(dispatcher).as("replicas cannot share a container name or a host port")
			.doesNotContainKeys("container_name", "ports");
	}

	@Test
	void imagesArePinnedAndEveryServiceHasAnImageOrABuild() {
		services.forEach((name, service) -> {
			assertThat(service.containsKey("image") || service.containsKey("build")).as(name).isTrue();
			if (service.containsKey("image")) {
				assertPinned(name, service.get("image").toString());
			}
		});
		assertThat(services.get("kafka").get("image").toString()).startsWith("apache/kafka:");
		Map<String, Object> kafka = map(services.get("kafka").get("environment"));
		assertThat(kafka.get("KAFKA_PROCESS_ROLES").toString()).as("KRaft").contains("controller");
		assertThat(services.get("redis").get("command").toString()).as("AOF persistence").contains("--appendonly, yes");
	}

	@Test
	void dependsOnNamesServicesAndWaitsOnlyForWhatCanSayItIsReady() {
		services.forEach((name, service) -> {
			dependencies(service).forEach((target, condition) -> {
				assertThat(services).as("%s depends on %s", name, target).containsKey(target);
				Map<String, Object> other = services.get(target);
				if ("service_healthy".equals(condition)) {
					assertThat(healthcheck(other))
						.as("%s waits for %s to be healthy: it needs a health check", name, target)
						.isNotEmpty();
				}
				else if ("service_completed_successfully".equals(condition)) {
					assertThat(other.get("restart")).as("%s waits for %s to finish: it must be one-shot", name, target)
						.isEqualTo("no");
				}
			});
		});
		// No cycle: compose would refuse to start.
		Set<String> done = new HashSet<>();
		for (String name : services.keySet()) {
			assertNoCycle(name, new LinkedHashSet<>(), done);
		}
		for (String module : serviceModules()) {
			Map<String, Object> service = services.get(module);
			assertThat(dependencies(service)).as("%s starts after Kafka is healthy", module)
				.containsEntry("kafka", "service_healthy");
		}
	}

	@Test
	void vigilServicesCheckTheirHealthOnTheActuatorPortTheyConfigure() {
		for (String module : serviceModules()) {
			Map<String, Object> service = services.get(module);
			Map<String, Object> environment = map(service.get("environment"));
			String port = String.valueOf(environment.get("MANAGEMENT_SERVER_PORT"));
			assertThat(port).as("%s: management port", module).matches("\\d+");
			assertThat(String.valueOf(environment.get("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE")))
				.as("%s exposes health and prometheus", module)
				.contains("health")
				.contains("prometheus");
			assertThat(healthcheck(service).get("test").toString()).as("%s: health check", module)
				.contains("localhost:" + port + "/actuator/health");
			assertThat(String.valueOf(environment.get("LOGGING_STRUCTURED_FORMAT_CONSOLE"))).as("%s: JSON logs", module)
				.isIn("ecs", "logstash", "gelf");
			assertThat(ports(service)).as("%s never publishes the actuator's port", module)
				.noneMatch((mapping) -> mapping.endsWith(":" + port));
		}
	}

	@Test
	void publishedPortsAreDistinctAndReachWhatTheContainerServes() {
		Set<String> hostPorts = new HashSet<>();
		services.forEach((name, service) -> {
			for (String mapping : ports(service)) {
				String[] parts = mapping.split(":");
				String container = parts[parts.length - 1];
				String host = parts[parts.length - 2];
				assertThat(hostPorts.add(host)).as("host port %s published twice", host).isTrue();
				if (serviceModules().contains(name)) {
					Map<String, Object> environment = map(service.get("environment"));
					Set<String> served = new HashSet<>();
					served.add(String.valueOf(environment.getOrDefault("SERVER_PORT", String.valueOf(SERVER_PORT))));
					// The gateway's second port: mutual TLS for national systems.
					if (environment.containsKey("VIGIL_GATEWAY_MTLS_PORT")) {
						served.add(String.valueOf(environment.get("VIGIL_GATEWAY_MTLS_PORT")));
					}
					assertThat(served).as("%s publishes a port it serves on", name).contains(container);
				}
			}
		});
		assertThat(ports(services.get("gateway"))).as("the gateway is reachable").isNotEmpty();
	}

	@Test
	void theGatewayServesHttpsWithAKeyPkiInitIssuesFromTheNetworkCa() throws IOException {
		Map<String, Object> environment = map(services.get("gateway").get("environment"));
		String keyStore = String.valueOf(environment.get("SERVER_SSL_KEY_STORE"));
		assertThat(keyStore).startsWith("/pki/");
		assertThat(list(services.get("gateway").get("volumes"))).as("the gateway mounts the PKI")
			.anySatisfy((volume) -> assertThat(volume.toString()).startsWith("pki:/pki"));
		assertThat(list(services.get("pki-init").get("volumes"))).as("pki-init writes the PKI")
			.anySatisfy((volume) -> assertThat(volume.toString()).isEqualTo("pki:/pki"));
		String script = Files.readString(ROOT.resolve("deploy/pki-init.sh"));
		assertThat(script).as("pki-init.sh issues the key store the gateway reads")
			.contains(keyStore)
			.contains("-alias " + environment.get("SERVER_SSL_KEY_ALIAS"))
			.contains("keytool -gencert -alias ca -keystore /pki/ca.p12");
		assertThat(environment).as("the actuator's port stays plain HTTP for the health check")
			.containsEntry("MANAGEMENT_SERVER_SSL_ENABLED", "false");
	}

	@Test
	void volumesAreDeclaredAndBindMountsExist() {
		Set<String> declared = map(compose.get("volumes")).keySet();
		services.forEach((name, service) -> {
			for (Object volume : list(service.get("volumes"))) {
				String source = volume.toString().split(":")[0];
				if (source.startsWith(".") || source.startsWith("/")) {
					assertThat(ROOT.resolve(source).normalize()).as("%s mounts %s", name, source).exists();
				}
				else {
					assertThat(declared).as("%s uses volume %s", name, source).contains(source);
				}
			}
		});
	}

	@Test
	void everyVigilVariableNamesARealSetting() {
		Set<String> settings = ConfigurationCatalog.properties()
			.keySet()
			.stream()
			.map(ConfigurationCatalog::relaxed)
			.collect(Collectors.toSet());
		services.forEach((name, service) -> map(service.get("environment")).keySet().forEach((variable) -> {
			// The CLI's containers read VIGIL_PKI_PASSWORD themselves (vigil pki …).
			boolean cli = String.valueOf(service.get("image")).startsWith("vigil/cli:");
			if (variable.startsWith("VIGIL_") && !cli) {
				assertThat(settings).as("%s sets %s, which no @ConfigurationProperties record reads", name, variable)
					.contains(ConfigurationCatalog.relaxed(variable));
			}
		}));
	}

	@Test
	@SuppressWarnings("unchecked")
	void prometheusScrapesEveryServiceAndGrafanaShowsItsMetrics() throws IOException {
		Map<String, Object> prometheus;
		try (Reader reader = Files.newBufferedReader(ROOT.resolve("deploy/prometheus/prometheus.yml"))) {
			prometheus = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
		}
		Map<String, String> scraped = new HashMap<>();
		for (Object job : list(prometheus.get("scrape_configs"))) {
			Map<String, Object> scrape = (Map<String, Object>) job;
			assertThat(scrape.get("metrics_path")).isEqualTo("/actuator/prometheus");
			for (Object discovery : list(scrape.get("dns_sd_configs"))) {
				Map<String, Object> dns = (Map<String, Object>) discovery;
				for (Object target : list(dns.get("names"))) {
					scraped.put(target.toString(), dns.get("port").toString());
				}
			}
		}
		for (String module : serviceModules()) {
			assertThat(scraped).as("Prometheus scrapes %s on its management port", module)
				.containsEntry(module,
						String.valueOf(map(services.get(module).get("environment")).get("MANAGEMENT_SERVER_PORT")));
		}
		JsonNode dashboard = WireJson.mapper()
			.readTree(Files.readString(ROOT.resolve("deploy/grafana/dashboards/vigil.json")));
		Set<String> used = new TreeSet<>();
		Matcher metric = Pattern.compile("vigil_[a-z_]+").matcher(dashboard.toString());
		while (metric.find()) {
			used.add(metric.group());
		}
		assertThat(used).as("the dashboard's queries use only series the services expose (MetricsIT checks them)")
			.isNotEmpty()
			.allSatisfy((series) -> assertThat(MetricsIT.SERIES).anySatisfy(series::startsWith));
		assertThat(MetricsIT.SERIES).as("the dashboard shows every series")
			.allSatisfy((series) -> assertThat(used).anySatisfy((name) -> name.startsWith(series)));
	}

	private static void assertPinned(String where, String image) {
		assertThat(image).as("%s: image %s", where, image)
			.matches("[a-z0-9][a-z0-9._/-]*:[A-Za-z0-9][A-Za-z0-9._-]*")
			.doesNotEndWith(":latest");
	}

	private void assertNoCycle(String name, Set<String> path, Set<String> done) {
		if (done.contains(name)) {
			return;
		}
		assertThat(path.add(name)).as("depends_on cycle through %s", path).isTrue();
		for (String target : dependencies(services.get(name)).keySet()) {
			assertNoCycle(target, path, done);
		}
		path.remove(name);
		done.add(name);
	}

	/** The modules of the root pom, in order. */
	static List<String> modules() {
		try {
			Document pom = DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(ROOT.resolve("pom.xml").toFile());
			NodeList nodes = pom.getElementsByTagName("module");
			List<String> modules = new ArrayList<>();
			for (int i = 0; i < nodes.getLength(); i++) {
				modules.add(nodes.item(i).getTextContent().trim());
			}
			return modules;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read the modules of " + ROOT.resolve("pom.xml"), ex);
		}
	}

	static Set<String> serviceModules() {
		try {
			Set<String> services = new TreeSet<>();
			for (String module : modules()) {
				if (!NOT_SERVICES.containsKey(module) && hasSpringBootMain(module)) {
					services.add(module);
				}
			}
			return services;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A main source file that starts a Spring application from a {@code main} method. */
	static boolean hasSpringBootMain(String module) throws IOException {
		Path sources = ROOT.resolve(module).resolve("src/main/java");
		if (!Files.isDirectory(sources)) {
			return false;
		}
		try (Stream<Path> files = Files.walk(sources)) {
			return files.filter((file) -> file.toString().endsWith(".java")).anyMatch((file) -> {
				try {
					String source = Files.readString(file);
					return source.contains("public static void main(")
							&& (source.contains("SpringApplication.run(") || source.contains("new SpringApplication("));
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
	}

	/** depends_on as target → condition, from its short (list) or long (map) form. */
	private static Map<String, String> dependencies(Map<String, Object> service) {
		Object dependsOn = service.get("depends_on");
		Map<String, String> dependencies = new HashMap<>();
		if (dependsOn instanceof Collection<?> names) {
			names.forEach((target) -> dependencies.put(target.toString(), "service_started"));
		}
		else {
			map(dependsOn).forEach((target, options) -> dependencies.put(target,
					String.valueOf(map(options).getOrDefault("condition", "service_started"))));
		}
		return dependencies;
	}

	private static Map<String, Object> healthcheck(Map<String, Object> service) {
		return map(service.get("healthcheck"));
	}

	private static List<String> ports(Map<String, Object> service) {
		return list(service.get("ports")).stream().map(Object::toString).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	private static List<Object> list(Object value) {
		return (value instanceof List<?> list) ? new ArrayList<>(list) : List.of();
	}

}
