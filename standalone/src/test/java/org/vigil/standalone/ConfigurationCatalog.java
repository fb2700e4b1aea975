package org.vigil.standalone;

import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every setting Vigil reads through a {@code @ConfigurationProperties} record, found by
 * scanning {@code org.vigil} on the class path (which, for this module's tests, holds
 * every service module): the annotation's prefix and each record component in Spring's
 * canonical kebab-case form, a nested Vigil record's components under its name.
 */
final class ConfigurationCatalog {

	private ConfigurationCatalog() {
	}

	/** Property name → the record that declares it. */
	static Map<String, Class<?>> properties() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		Map<String, Class<?>> properties = new TreeMap<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("org.vigil")) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
			ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
			String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
			if (!type.isRecord()) {
				throw new IllegalStateException(type + " is not a record: settings are records (STYLE.md)");
			}
			collect(prefix, type, type, properties);
		}
		return properties;
	}

	private static void collect(String prefix, Class<?> type, Class<?> declaredBy, Map<String, Class<?>> properties) {
		for (RecordComponent component : type.getRecordComponents()) {
			String name = prefix + "." + kebab(component.getName());
			Class<?> componentType = component.getType();
			if (componentType.isRecord() && componentType.getPackageName().startsWith("org.vigil")) {
				collect(name, componentType, declaredBy, properties);
			}
			else {
				properties.put(name, declaredBy);
			}
		}
	}

	/** {@code checkpointEvery} → {@code checkpoint-every}. */
	static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	/**
	 * The environment variable Spring Boot binds to a property:
	 * {@code vigil.dispatcher.state-dir} → {@code VIGIL_DISPATCHER_STATEDIR} or
	 * {@code VIGIL_DISPATCHER_STATE_DIR}; this is the form with dashes as underscores,
	 * compared after removing underscores, as Boot's relaxed binding does.
	 */
	static String environmentVariable(String property) {
		return property.replace('.', '_').replace("-", "_").toUpperCase(Locale.ROOT);
	}

	/**
	 * Names compared the way relaxed binding does: without dots, dashes or underscores.
	 */
	static String relaxed(String name) {
		return name.replaceAll("[._-]", "").toUpperCase(Locale.ROOT);
	}

}
