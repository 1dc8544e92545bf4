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
        assertThat(env.get("CURSOR_KEYS_SECRET")).startsWith("arn:aws:secretsmanager:").contains("CursorKeys-");
        assertThat(aws.secretsManager().getSecretValue(r -> r.secretId(env.get("CURSOR_KEYS_SECRET"))).secretString())
                .matches("\\{\"current\": ?\"k1\", ?\"k1\": ?\"[A-Za-z0-9]{48}\"}");
        assertThat(env.get("DEFAULT_SITE_ZONE")).isEqualTo("Europe/Amsterdam");
        assertThat(env.get("OFFICE_NAME")).isEqualTo("Spil");
        assertThat(env.get("JAVA_TOOL_OPTIONS")).isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        // the user pool is made in the local AWS too, so the directory's Cognito calls reach it
        assertThat(env.get("USER_POOL_ID")).isEqualTo(tables.userPools().get("UserPool")).startsWith("eu-west-1_");
        assertThat(aws.cognito().listGroups(b -> b.userPoolId(env.get("USER_POOL_ID"))).groups())
                .extracting(g -> g.groupName()).containsExactlyInAnyOrder("staff", "reception", "office-manager", "management");
        assertThat(env.templateVariables()).containsOnlyKeys("TABLE_NAME", "OUTBOX_TABLE", "CURSOR_KEYS_SECRET",
                "DEFAULT_SITE_ZONE", "OFFICE_NAME", "JAVA_TOOL_OPTIONS", "USER_POOL_ID");
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
