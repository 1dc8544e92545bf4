package nl.spil.local;

import java.util.Map;
import java.util.Set;
import nl.spil.localkit.Template;
import nl.spil.localkit.TemplateTables;

/**
 * Refuses, in one line naming the resource and property, what the local cloud would otherwise
 * silently run differently from AWS: an unknown resource type, function property or event type.
 */
final class TemplateCheck {

    /**
     * Resource types the local cloud creates or runs. An event bus is served by {@link EventBus}
     * whatever its name; an SQS queue is only a stream's on-failure destination here: a batch that
     * exhausts its retries is reported in the function's log instead.
     */
    private static final Set<String> RUN = Set.of(Template.FUNCTION, Template.TABLE, Template.BUCKET,
            Template.EMAIL_IDENTITY, Cognito.POOL, Cognito.CLIENT, Cognito.GROUP, "AWS::Serverless::HttpApi",
            "AWS::Events::EventBus", "AWS::SQS::Queue", TemplateTables.SECRET);
    /**
     * Resource types that change nothing a function or a caller sees locally (access, logs, alarms;
     * SES configuration sets: the local SES sends regardless and no mail bounces here; the web
     * app's CDN and hosted sign-in: locally the API's server serves the app (LocalWeb) and signs
     * in (LocalOidc)).
     */
    private static final Set<String> IGNORED_PREFIXES = Set.of("AWS::IAM::", "AWS::Logs::", "AWS::CloudWatch::", "AWS::SNS::",
            "AWS::SES::ConfigurationSet", "AWS::S3::BucketPolicy", "AWS::Lambda::Permission", "AWS::ApplicationInsights::",
            "AWS::CloudFront::", "AWS::Cognito::UserPoolDomain");
    private static final Set<String> FUNCTION_PROPERTIES = Set.of("Handler", "CodeUri", "Runtime", "Environment",
            "Events", "Policies", "MemorySize", "Timeout", "Description", "Architectures", "Tracing", "AutoPublishAlias",
            "SnapStart", "LoggingConfig", "FunctionName", "ReservedConcurrentExecutions", "Tags", "Role",
            "EphemeralStorage", "RuntimeManagementConfig", "DeploymentPreference", "ProvisionedConcurrencyConfig",
            "EventInvokeConfig");
    private static final Map<String, Set<String>> EVENT_PROPERTIES = Map.of(
            "HttpApi", Set.of("ApiId", "Method", "Path", "Auth", "PayloadFormatVersion", "TimeoutInMillis", "RouteSettings"),
            "ScheduleV2", Set.of("ScheduleExpression", "ScheduleExpressionTimezone", "Input", "Name", "Description", "State",
                    "FlexibleTimeWindow", "RetryPolicy", "StartDate", "EndDate", "DeadLetterConfig", "GroupName",
                    "RoleArn", "PermissionsBoundary", "OmitName", "KmsKeyArn"),
            "DynamoDB", Set.of("Stream", "StartingPosition", "BatchSize", "MaximumBatchingWindowInSeconds", "Enabled",
                    "FilterCriteria", "FunctionResponseTypes", "MaximumRetryAttempts", "BisectBatchOnFunctionError",
                    "MaximumRecordAgeInSeconds", "ParallelizationFactor", "DestinationConfig", "TumblingWindowInSeconds",
                    "StartingPositionTimestamp", "MetricsConfig"),
            "EventBridgeRule", Set.of("Pattern", "EventBusName", "Input", "InputPath", "RuleName", "State", "Target",
                    "DeadLetterConfig", "RetryPolicy", "InputTransformer"));

    private TemplateCheck() {
    }

    static void check(Template template) {
        template.resources().forEach((id, r) -> {
            if (!RUN.contains(r.type()) && IGNORED_PREFIXES.stream().noneMatch(r.type()::startsWith)) {
                fail(id + " has Type " + r.type() + ", which the local cloud does not run");
            }
        });
        for (String f : template.functions()) {
            template.resource(f).properties().keySet().forEach(p -> {
                if (!FUNCTION_PROPERTIES.contains(p)) {
                    fail(f + " has property " + p + ", which the local cloud does not understand");
                }
            });
            if (template.handler(f) == null || template.codeUri(f) == null) {
                fail(f + " needs Handler and CodeUri (a built jar)");
            }
            if (!template.codeUri(f).endsWith(".jar") && !template.codeUri(f).endsWith(".zip")) {
                fail(f + " has CodeUri " + template.codeUri(f) + "; the local cloud runs a built jar");
            }
            template.events(f).forEach((eventId, e) -> {
                Object type = e.get("Type");
                Set<String> known = EVENT_PROPERTIES.get(String.valueOf(type));
                if (known == null) {
                    fail(f + " has event " + eventId + " of Type " + type + ", which the local cloud does not run");
                }
                if (e.get("Properties") instanceof Map<?, ?> p && "HttpApi".equals(type) && p.get("PayloadFormatVersion") != null
                        && !"2.0".equals(String.valueOf(p.get("PayloadFormatVersion")))) {
                    fail(f + " event " + eventId + " has PayloadFormatVersion " + p.get("PayloadFormatVersion")
                            + "; the local cloud sends payload 2.0 only");
                }
                if (e.get("Properties") instanceof Map<?, ?> p) {
                    p.keySet().forEach(k -> {
                        if (!known.contains(String.valueOf(k))) {
                            fail(f + " event " + eventId + " (" + type + ") has property " + k
                                    + ", which the local cloud does not understand");
                        }
                    });
                }
            });
        }
    }

    private static void fail(String what) {
        throw new LocalCloud.CannotStart("template.yaml: " + what);
    }
}
