package nl.spil.localkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private final Template template = Template.ofRepo();

    @Test
    void directoryFunctionIsReadWithItsRoutesHandlerCodeAndPolicies() {
        assertThat(template.functions()).contains("DirectoryFunction");
        assertThat(template.httpApiEvents("DirectoryFunction"))
                .extracting(r -> r.method() + " " + r.path())
                .contains("GET /me", "GET /people", "POST /people/import", "GET /people/{id}", "PUT /sites/{id}");
        assertThat(template.httpApiEvents("DirectoryFunction").get(0))
                .isEqualTo(new Template.Route("GetMe", "GET", "/me", new Cfn.Ref("HttpApi")));
        assertThat(template.handler("DirectoryFunction"))
                .isEqualTo("nl.spil.platform.http.HttpFunction");
        assertThat(template.codeUri("DirectoryFunction")).isEqualTo("functions/directory/target/directory-lambda.jar");
        assertThat(Grants.resources(template, "DirectoryFunction"))
                .containsExactlyInAnyOrder("DirectoryTable", "DirectoryTable/index/gsi1", "OutboxTable", "CursorKeys");
        assertThat(Grants.actionsOn(template, "DirectoryFunction", "OutboxTable"))
                .containsExactlyInAnyOrder("dynamodb:PutItem", "dynamodb:ConditionCheckItem");
    }

    @Test
    void globalsAreMergedIntoEachFunctionsEnvironment() {
        assertThat(template.functionGlobals()).containsEntry("Runtime", "java21").containsEntry("MemorySize", 1024);
        Map<String, Object> env = template.environment("DirectoryFunction");
        assertThat(env)
                .containsEntry("TABLE_NAME", new Cfn.Ref("DirectoryTable"))
                .containsEntry("OUTBOX_TABLE", new Cfn.Ref("OutboxTable"))
                .containsEntry("CURSOR_KEYS_SECRET", new Cfn.Ref("CursorKeys"));
        assertThat(template.functionProperty("DirectoryFunction", "Timeout")).isEqualTo(20);
        // a map is merged as SAM merges it: the format from Globals, the log group from the function
        assertThat(Template.asMap(template.functionProperty("DirectoryFunction", "LoggingConfig"), "LoggingConfig"))
                .containsEntry("LogFormat", "JSON").containsKey("LogGroup");
    }

    @Test
    void resourcesParametersAndIntrinsicsAreRead() {
        assertThat(template.resourcesOfType(Template.TABLE)).containsKeys("OutboxTable", "DirectoryTable");
        assertThat(template.parameters().get("DefaultSiteZone").defaultValue()).isEqualTo("Europe/Amsterdam");
        assertThat(template.parameters().get("SenderEmail").defaultValue()).isNull();
        assertThat(template.properties("SenderIdentity")).containsEntry("EmailIdentity", new Cfn.Ref("SenderEmail"));
        @SuppressWarnings("unchecked")
        Map<String, Object> policy = (Map<String, Object>) template.properties("FilesBucketTlsOnly").get("PolicyDocument");
        @SuppressWarnings("unchecked")
        Map<String, Object> statement = ((List<Map<String, Object>>) policy.get("Statement")).get(0);
        assertThat(statement.get("Resource")).isEqualTo(List.of(new Cfn.GetAtt("FilesBucket", "Arn"),
                new Cfn.Sub("${FilesBucket.Arn}/*", Map.of())));
    }

    @Test
    void everyShortTagAndTheLongFormsAreRead() {
        Template t = Template.parse(String.join("\n",
                "Parameters:",
                "  Env: {Type: String, Default: prod}",
                "Conditions:",
                "  IsProd: !Equals [!Ref Env, prod]",
                "  NotProd: !Not [!Condition IsProd]",
                "  Both: !And [!Condition IsProd, !Or [!Condition IsProd, !Condition NotProd]]",
                "Mappings:",
                "  Sizes: {prod: {memory: 2048}}",
                "Resources:",
                "  Thing:",
                "    Type: Custom::Thing",
                "    Properties:",
                "      A: !If [IsProd, !Join ['-', [a, !Ref Env]], b]",
                "      B: !Select [1, !Split [',', 'x,y,z']]",
                "      C: !FindInMap [Sizes, !Ref Env, memory]",
                "      D: !Base64 hi",
                "      E: !Sub ['${X}-${AWS::Region}-${!Literal}', {X: !GetAtt [Thing, Name]}]",
                "      F: !GetAZs ''",
                "      G: !ImportValue other-stack-output",
                "      H: !Cidr [10.0.0.0/16, 2, 8]",
                "      I: {'Fn::Join': ['', [{Ref: Env}, {'Fn::GetAtt': [Thing, Arn]}]]}",
                "      J: !If [Both, 'yes', 'no']"));
        Map<String, Object> p = t.properties("Thing");
        assertThat(p.get("G")).isEqualTo(new Cfn.Fn("Fn::ImportValue", "other-stack-output"));
        assertThat(p.get("H")).isInstanceOf(Cfn.Fn.class);
        assertThat(p.get("I")).isEqualTo(new Cfn.Fn("Fn::Join", List.of("",
                List.of(new Cfn.Ref("Env"), new Cfn.GetAtt("Thing", "Arn")))));

        Resolver r = new Resolver(t, Map.of(), Map.of("Thing", "thing-1"), (id, att) -> null);
        assertThat(r.resolve(p.get("A"))).isEqualTo("a-prod");
        assertThat(r.resolve(p.get("B"))).isEqualTo("y");
        assertThat(r.resolve(p.get("C"))).isEqualTo(2048);
        assertThat(r.resolve(p.get("D"))).isEqualTo("aGk=");
        assertThat(r.resolve(p.get("E"))).isEqualTo("Thing.Name-eu-west-1-${Literal}");
        assertThat(r.resolve(p.get("F"))).isEqualTo(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"));
        assertThat(r.resolve(p.get("I"))).isEqualTo("prodThing.Arn");
        assertThat(r.resolve(p.get("J"))).isEqualTo("yes");
        assertThatThrownBy(() -> r.resolve(p.get("G"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aDuplicateKeyIsAnError() {
        assertThatThrownBy(() -> Template.parse("Resources:\n  A: {Type: X}\n  A: {Type: Y}\n"))
                .hasMessageContaining("duplicate key");
    }
}
