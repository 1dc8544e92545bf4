package nl.spil.localkit;

import static nl.spil.localkit.TemplateProperties.list;
import static nl.spil.localkit.TemplateProperties.str;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Creates in the local AWS what template.yaml declares, each under a physical name made of its
 * logical id and a random suffix shared by the set ({@code DirectoryTable-k3v9x2qa}), so that
 * parallel JVMs and fresh sets never clash:
 * <ul>
 * <li>every {@code AWS::DynamoDB::Table} exactly as declared: AttributeDefinitions, KeySchema, GSIs
 * and LSIs with their projection, BillingMode (and throughput), StreamSpecification,
 * SSESpecification, TableClass, DeletionProtectionEnabled, Tags; then TimeToLiveSpecification
 * (UpdateTimeToLive) and PointInTimeRecoverySpecification (UpdateContinuousBackups);</li>
 * <li>every {@code AWS::S3::Bucket} with its versioning, encryption, public access block, ownership
 * controls and lifecycle rules (bucket policies are not applied: moto would enforce
 * {@code aws:SecureTransport} against plain-HTTP test traffic);</li>
 * <li>every {@code AWS::SES::EmailIdentity}, verified (SES v2 CreateEmailIdentity), so sending from
 * it works as in the SES sandbox;</li>
 * <li>given a Cognito client, every {@code AWS::Cognito::UserPool} (with its UsernameAttributes, so an
 * e-mail finds its user as on AWS) and {@code AWS::Cognito::UserPoolGroup}, for functions whose
 * environment names the pool (the local cloud makes its own, with clients and demo users).</li>
 * </ul>
 * A property this class does not know makes creation fail rather than be silently skipped.
 */
public final class TemplateTables {

    /** Secrets Manager secrets (the cursor keys): made with the value or generated string the template asks for. */
    public static final String SECRET = "AWS::SecretsManager::Secret";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final String suffix;
    private final Map<String, String> tables;
    private final Map<String, String> streamArns;
    private final Map<String, String> buckets;
    private final Map<String, String> secrets;
    private final Map<String, String> emailIdentities;
    private final Map<String, String> userPools;
    private final Resolver resolver;

    private TemplateTables(String suffix, Map<String, String> tables, Map<String, String> streamArns,
                           Map<String, String> buckets, Map<String, String> emailIdentities,
                           Map<String, String> secrets, Map<String, String> userPools, Resolver resolver) {
        this.secrets = Collections.unmodifiableMap(secrets);
        this.userPools = Collections.unmodifiableMap(userPools);
        this.suffix = suffix;
        this.tables = Collections.unmodifiableMap(tables);
        this.streamArns = Collections.unmodifiableMap(streamArns);
        this.buckets = Collections.unmodifiableMap(buckets);
        this.emailIdentities = Collections.unmodifiableMap(emailIdentities);
        this.resolver = resolver;
    }

    /**
     * Creates the template's tables, buckets and e-mail identities under a new random suffix.
     *
     * @param parameterValues values of template parameters (those missing take their Default)
     */
    public static TemplateTables create(Template template, DynamoDbClient dynamoDb, S3Client s3, SesV2Client ses,
                                        SecretsManagerClient secrets, Map<String, String> parameterValues) {
        return create(template, dynamoDb, s3, ses, secrets, null, parameterValues);
    }

    /**
     * The same, and with {@code cognito} (null for none) the template's user pools and groups.
     *
     * @param parameterValues values of template parameters (those missing take their Default)
     */
    public static TemplateTables create(Template template, DynamoDbClient dynamoDb, S3Client s3, SesV2Client ses,
                                        SecretsManagerClient secrets, CognitoIdentityProviderClient cognito,
                                        Map<String, String> parameterValues) {
        String suffix = randomSuffix();
        Map<String, String> physical = new LinkedHashMap<>();
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, String> buckets = new LinkedHashMap<>();
        Resolver names = new Resolver(template, parameterValues, Map.of(), null);
        template.resourcesOfType(Template.TABLE).forEach((id, r) -> {
            Object declared = r.properties().get("TableName");
            String name = (declared == null ? id : names.resolveString(declared)) + "-" + suffix;
            tables.put(id, name);
            physical.put(id, name);
        });
        template.resourcesOfType(Template.BUCKET).forEach((id, r) -> {
            Object declared = r.properties().get("BucketName");
            String base = (declared == null ? id : names.resolveString(declared)).toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9.-]", "-");
            String name = base.substring(0, Math.min(base.length(), 62 - suffix.length())) + "-" + suffix;
            buckets.put(id, name);
            physical.put(id, name);
        });
        Map<String, String> emailIdentities = new LinkedHashMap<>();
        template.resourcesOfType(Template.EMAIL_IDENTITY).forEach((id, r) -> {
            String identity = names.resolveString(r.properties().get("EmailIdentity"));
            emailIdentities.put(id, identity);
            physical.put(id, identity);
        });

        // a secret's Ref is its ARN, known once it exists: secrets are made first (their values name nothing else here)
        Map<String, String> secretArns = new LinkedHashMap<>();
        template.resourcesOfType(SECRET).forEach((id, r) -> secretArns.put(id,
                TemplateSecrets.create(secrets, id + "-" + suffix, names.resolve(r.properties()))));
        physical.putAll(secretArns);

        Map<String, String> userPools = new LinkedHashMap<>();
        if (cognito != null) {
            template.resourcesOfType(USER_POOL).forEach((id, r) -> {
                String pool = createUserPool(cognito, names.resolveString(r.properties().getOrDefault("UserPoolName", id))
                        + "-" + suffix, r.properties().get("UsernameAttributes"));
                userPools.put(id, pool);
                physical.put(id, pool);
            });
        }

        Map<String, String> streamArns = new LinkedHashMap<>();
        Resolver resolver = new Resolver(template, parameterValues, physical, (id, attribute) -> {
            if (attribute.equals("StreamArn")) {
                return streamArns.get(id);
            }
            return attribute.equals("Arn") && userPools.containsKey(id)
                    ? "arn:aws:cognito-idp:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID + ":userpool/" + userPools.get(id)
                    : null;
        });
        if (cognito != null) {
            template.resourcesOfType(USER_POOL_GROUP).forEach((id, r) -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> props = (Map<String, Object>) resolver.resolve(template.properties(id));
                cognito.createGroup(b -> b.userPoolId(str(props, "UserPoolId")).groupName(str(props, "GroupName")));
            });
        }

        tables.forEach((id, name) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) resolver.resolve(template.properties(id));
            String streamArn = TemplateDynamoTable.create(dynamoDb, id, name, props);
            if (streamArn != null) {
                streamArns.put(id, streamArn);
            }
        });
        buckets.forEach((id, name) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) resolver.resolve(template.properties(id));
            TemplateBucket.create(s3, name, props);
        });
        emailIdentities.values().forEach(identity -> ses.createEmailIdentity(b -> b.emailIdentity(identity)));
        return new TemplateTables(suffix, tables, streamArns, buckets, emailIdentities, secretArns, userPools, resolver);
    }

    /** The random part of every physical name of this set. */
    public String suffix() {
        return suffix;
    }

    /** Table logical id → physical table name, in template order. */
    public Map<String, String> tables() {
        return tables;
    }

    /** @throws IllegalArgumentException when template.yaml has no such table */
    public String table(String logicalId) {
        return lookup(tables, logicalId, "table");
    }

    /** Latest stream ARN of a table that has a StreamSpecification. */
    public String streamArn(String tableLogicalId) {
        return lookup(streamArns, tableLogicalId, "table with a stream");
    }

    /** Secret logical id → its ARN (what {@code !Ref} gives). */
    public Map<String, String> secrets() {
        return secrets;
    }

    /** Bucket logical id → physical bucket name. */
    public Map<String, String> buckets() {
        return buckets;
    }

    public String bucket(String logicalId) {
        return lookup(buckets, logicalId, "bucket");
    }

    /** SES e-mail identity logical id → the verified identity (an address or domain). */
    public Map<String, String> emailIdentities() {
        return emailIdentities;
    }

    /** User pool logical id → the pool's id (empty unless made with a Cognito client). */
    public Map<String, String> userPools() {
        return userPools;
    }

    /** Resolves template values against this set ({@code !Ref DirectoryTable} → its physical name…). */
    public Resolver resolver() {
        return resolver;
    }

    private static String lookup(Map<String, String> map, String id, String what) {
        String value = map.get(id);
        if (value == null) {
            throw new IllegalArgumentException("template.yaml has no " + what + " " + id + "; it has " + map.keySet());
        }
        return value;
    }

    private static String randomSuffix() {
        StringBuilder s = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    // ------------------------------------------------------------------ Cognito

    private static final String USER_POOL = "AWS::Cognito::UserPool";
    private static final String USER_POOL_GROUP = "AWS::Cognito::UserPoolGroup";

    private static String createUserPool(CognitoIdentityProviderClient cognito, String name, Object usernameAttributes) {
        return cognito.createUserPool(b -> {
            b.poolName(name);
            if (usernameAttributes != null) {
                b.usernameAttributesWithStrings(list(usernameAttributes, null));
            }
        }).userPool().id();
    }
}
