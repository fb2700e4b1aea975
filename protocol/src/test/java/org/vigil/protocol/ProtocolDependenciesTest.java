package org.vigil.protocol;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The wire language must stay free of frameworks and of the services that speak it. */
class ProtocolDependenciesTest {

	private final JavaClasses protocol = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.vigil.protocol");

	@Test
	void dependsOnNoFramework() {
		noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..").check(this.protocol);
	}

	@Test
	void dependsOnNoOtherVigilModule() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.vigil.directory..", "org.vigil.dispatcher..", "org.vigil.gateway..",
					"org.vigil.audit..", "org.vigil.standalone..", "org.vigil.embedded..")
			.check(this.protocol);
	}

	@Test
	void onlyTheSerdeTouchesKafka() {
		noClasses().that()
			.doNotHaveSimpleName("JsonSerde")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..")
			.check(this.protocol);
	}

}
