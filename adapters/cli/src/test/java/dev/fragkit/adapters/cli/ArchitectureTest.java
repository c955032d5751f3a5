package dev.fragkit.adapters.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of architecture.md, checked on the compiled classes of every module (this
 * module sees them all). The Maven enforcer bans third-party jars in cores; this test bans the JDK's
 * own JDBC/HTTP packages and core-to-core and core-to-adapter edges, which no POM rule can see.
 */
class ArchitectureTest {
  private static final String[] CORES = {"dev.fragkit.greatshot", "dev.fragkit.telemetry", "dev.fragkit.economy"};
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.fragkit");
  }

  @Test
  void coresNeverUseJdbcHttpOrAdapters() {
    noClasses().that().resideInAnyPackage(packages(CORES))
        .should().dependOnClassesThat().resideInAnyPackage(
            "java.sql..", "javax.sql..", "java.net.http..", "com.sun.net.httpserver..",
            "dev.fragkit.adapters..", "org.jdbi..", "picocli..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void coresNeverDependOnEachOther() {
    for (String core : CORES) {
      String[] others = java.util.Arrays.stream(CORES).filter(c -> !c.equals(core)).map(c -> c + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage(core + "..")
          .should().dependOnClassesThat().resideInAnyPackage(others)
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  private static String[] packages(String[] roots) {
    return java.util.Arrays.stream(roots).map(r -> r + "..").toArray(String[]::new);
  }
}
