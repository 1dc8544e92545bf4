package nl.spil.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import nl.spil.localkit.Template;
import org.junit.jupiter.api.Test;

/** The parts of the local cloud that need no running processes. */
class LocalCloudPartsTest {

    @Test
    void routesMatchPathTemplatesAndGreedyPaths() {
        HttpApi.Route byId = new HttpApi.Route("GET", "/people/{id}", "F", "E", null);
        assertThat(byId.match("/people/01ABC")).isEqualTo(Map.of("id", "01ABC"));
        assertThat(byId.match("/people/")).isNull();
        assertThat(byId.match("/people/a%20b%2525+c")).isEqualTo(Map.of("id", "a b%25+c"));
        assertThat(byId.match("/people/1/x")).isNull();
        assertThat(byId.match("/people")).isNull();
        assertThat(byId.routeKey()).isEqualTo("GET /people/{id}");
        HttpApi.Route greedy = new HttpApi.Route("ANY", "/files/{proxy+}", "F", "E", null);
        assertThat(greedy.match("/files/a/b.txt")).isEqualTo(Map.of("proxy", "a/b.txt"));
        HttpApi.Route literal = new HttpApi.Route("POST", "/people/import", "F", "E", null);
        assertThat(literal.specificity()).isGreaterThan(new HttpApi.Route("POST", "/people/{id}", "F", "E", null).specificity());
    }

    @Test
    void aBusyPortIsSaidInOneLineAndAnotherIsUsed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            HttpServer server = HttpApi.bindOrFree(taken.getLocalPort(), new PrintStream(out, true));
            try {
                assertThat(server.getAddress().getPort()).isNotEqualTo(taken.getLocalPort());
                assertThat(out.toString()).isEqualTo("Port " + taken.getLocalPort() + " is busy; the API uses port "
                        + server.getAddress().getPort() + " instead." + System.lineSeparator());
            } finally {
                server.stop(0);
            }
        }
    }

    private static final String FUNCTION = """
            Resources:
              F:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a.B
                  CodeUri: x.jar
            """;

    @Test
    void whatTheLocalCloudDoesNotUnderstandIsNamedWithItsResourceAndProperty() {
        assertThatThrownBy(() -> TemplateCheck.check(Template.parse(FUNCTION + "      VpcConfig: {}\n")))
                .isInstanceOf(LocalCloud.CannotStart.class)
                .hasMessage("template.yaml: F has property VpcConfig, which the local cloud does not understand");
        assertThatThrownBy(() -> TemplateCheck.check(Template.parse(FUNCTION
                + "      Events:\n        Q:\n          Type: SQS\n          Properties: { Queue: q }\n")))
                .hasMessage("template.yaml: F has event Q of Type SQS, which the local cloud does not run");
        assertThatThrownBy(() -> TemplateCheck.check(Template.parse(FUNCTION
                + "      Events:\n        S:\n          Type: ScheduleV2\n          Properties: { Schedule: x }\n")))
                .hasMessage("template.yaml: F event S (ScheduleV2) has property Schedule, which the local cloud does not understand");
        assertThatThrownBy(() -> TemplateCheck.check(Template.parse(FUNCTION
                + "      Events:\n        H:\n          Type: HttpApi\n          Properties: { Path: /x, Method: GET, PayloadFormatVersion: '1.0' }\n")))
                .hasMessage("template.yaml: F event H has PayloadFormatVersion 1.0; the local cloud sends payload 2.0 only");
        assertThatThrownBy(() -> TemplateCheck.check(Template.parse("Resources:\n  Q:\n    Type: AWS::Kinesis::Stream\n")))
                .hasMessage("template.yaml: Q has Type AWS::Kinesis::Stream, which the local cloud does not run");
        TemplateCheck.check(Template.ofRepo());
    }

    @Test
    void claimsArePassedAsApiGatewayFlattensThem() throws Exception {
        // arrays become "[a b]" (the shape nl.spil.platform.identity.JwtClaims reads)
        var m = JwtAuthorizer.class.getDeclaredMethod("flatten", Object.class);
        m.setAccessible(true);
        assertThat(m.invoke(null, java.util.List.of("reception", "staff"))).isEqualTo("[reception staff]");
        assertThat(m.invoke(null, new java.util.Date(1_800_000_000_000L))).isEqualTo("1800000000");
    }
}
