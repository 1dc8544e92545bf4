package nl.spil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import nl.spil.localkit.FunctionEnvironment;
import nl.spil.localkit.LocalAws;
import nl.spil.localkit.TemplateTables;
import org.junit.jupiter.api.Test;

@WithLocalAws
class FunctionEnvironmentTest {

    @Test
    void directoryFunctionsEnvironmentResolvesToTheCreatedTablesAndTestParameters(LocalAws aws, TemplateTables tables) {
        FunctionEnvironment env = aws.environment("DirectoryFunction");
        assertThat(env.get("TABLE_NAME")).isEqualTo(tables.table("DirectoryTable")).startsWith("DirectoryTable-");
        assertThat(env.get("OUTBOX_TABLE")).isEqualTo(tables.table("OutboxTable"));
        assertThat(env.get("CURSOR_SIGNING_KEY")).isEqualTo(LocalAws.CURSOR_SIGNING_KEY).hasSize(40);
        assertThat(env.get("DEFAULT_SITE_ZONE")).isEqualTo("Europe/Amsterdam");
        assertThat(env.get("OFFICE_NAME")).isEqualTo("Spil");
        assertThat(env.get("JAVA_TOOL_OPTIONS")).isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        assertThat(env.templateVariables()).containsOnlyKeys("TABLE_NAME", "OUTBOX_TABLE", "CURSOR_SIGNING_KEY",
                "DEFAULT_SITE_ZONE", "OFFICE_NAME", "JAVA_TOOL_OPTIONS");
        assertThat(env.variables())
                .containsEntry("AWS_REGION", "eu-west-1")
                .containsEntry("AWS_ENDPOINT_URL", aws.endpoint().toString())
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "DirectoryFunction")
                .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024")
                .containsEntry("AWS_LAMBDA_LOG_FORMAT", "JSON");
    }

    @Test
    void applyingSetsSystemPropertiesAndClosingRestoresThem(LocalAws aws, TemplateTables tables) {
        System.setProperty("OFFICE_NAME", "before");
        System.clearProperty("TABLE_NAME");
        try (FunctionEnvironment.Applied applied = aws.applyAsSystemProperties("DirectoryFunction")) {
            assertThat(System.getProperty("TABLE_NAME")).isEqualTo(tables.table("DirectoryTable"));
            assertThat(System.getProperty("OFFICE_NAME")).isEqualTo("Spil");
            assertThat(applied.environment().functionId()).isEqualTo("DirectoryFunction");
        }
        assertThat(System.getProperty("TABLE_NAME")).isNull();
        assertThat(System.getProperty("OFFICE_NAME")).isEqualTo("before");
        System.clearProperty("OFFICE_NAME");
    }
}
