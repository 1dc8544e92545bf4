package nl.spil.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.spil.localkit.LocalAws;
import nl.spil.localkit.Resolver;
import nl.spil.localkit.Template;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;

/**
 * The template's Cognito resources in the local AWS (moto's cognito-idp): every
 * {@code AWS::Cognito::UserPool}, {@code UserPoolClient} and {@code UserPoolGroup}, and demo users
 * whose ID tokens come from AdminInitiateAuth, signed with the key the pool's JWKS publishes.
 */
final class Cognito implements AutoCloseable {

    static final String POOL = "AWS::Cognito::UserPool";
    static final String CLIENT = "AWS::Cognito::UserPoolClient";
    static final String GROUP = "AWS::Cognito::UserPoolGroup";

    private final CognitoIdentityProviderClient client;
    private final URI endpoint;
    /** logical id → physical id (pool id, client id, group name). */
    private final Map<String, String> physicalIds = new LinkedHashMap<>();
    private final Map<String, String> clientPool = new LinkedHashMap<>();

    Cognito(URI endpoint) {
        this.endpoint = endpoint;
        this.client = CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint).region(Region.of(LocalAws.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalAws.ACCESS_KEY_ID, LocalAws.SECRET_ACCESS_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** Creates pools, then clients, then groups; {@code resolver} knows the other resources already. */
    Map<String, String> create(Template template, Function<Map<String, String>, Resolver> resolverWith) {
        for (var e : template.resourcesOfType(POOL).entrySet()) {
            Map<String, Object> p = props(resolverWith.apply(physicalIds), template, e.getKey());
            CreateUserPoolRequest.Builder b = CreateUserPoolRequest.builder()
                    .poolName(str(p.getOrDefault("UserPoolName", e.getKey())));
            if (p.get("UsernameAttributes") instanceof List<?> l) {
                b.usernameAttributesWithStrings(l.stream().map(String::valueOf).toList());
            }
            if (p.get("AutoVerifiedAttributes") instanceof List<?> l) {
                b.autoVerifiedAttributesWithStrings(l.stream().map(String::valueOf).toList());
            }
            if (p.get("Policies") instanceof Map<?, ?> pol && pol.get("PasswordPolicy") instanceof Map<?, ?> pp) {
                b.policies(x -> x.passwordPolicy(y -> y
                        .minimumLength(pp.get("MinimumLength") == null ? null : Integer.parseInt(str(pp.get("MinimumLength"))))
                        .requireLowercase(bool(pp.get("RequireLowercase")))
                        .requireUppercase(bool(pp.get("RequireUppercase")))
                        .requireNumbers(bool(pp.get("RequireNumbers")))
                        .requireSymbols(bool(pp.get("RequireSymbols")))));
            }
            if (p.get("Schema") instanceof List<?> schema) {
                List<SchemaAttributeType> attributes = new ArrayList<>();
                for (Object o : schema) {
                    Map<?, ?> s = (Map<?, ?>) o;
                    attributes.add(SchemaAttributeType.builder().name(str(s.get("Name")))
                            .attributeDataType(s.get("AttributeDataType") == null ? "String" : str(s.get("AttributeDataType")))
                            .required(bool(s.get("Required"))).mutable(s.get("Mutable") == null || bool(s.get("Mutable")))
                            .build());
                }
                b.schema(attributes);
            }
            if (p.get("AdminCreateUserConfig") instanceof Map<?, ?> a) {
                b.adminCreateUserConfig(x -> x.allowAdminCreateUserOnly(bool(a.get("AllowAdminCreateUserOnly"))));
            }
            physicalIds.put(e.getKey(), client.createUserPool(b.build()).userPool().id());
        }
        for (var e : template.resourcesOfType(CLIENT).entrySet()) {
            Map<String, Object> p = props(resolverWith.apply(physicalIds), template, e.getKey());
            String pool = str(p.get("UserPoolId"));
            CreateUserPoolClientRequest.Builder b = CreateUserPoolClientRequest.builder()
                    .userPoolId(pool).clientName(str(p.getOrDefault("ClientName", e.getKey())))
                    .generateSecret(bool(p.get("GenerateSecret")));
            if (p.get("ExplicitAuthFlows") instanceof List<?> l) {
                b.explicitAuthFlowsWithStrings(l.stream().map(String::valueOf).toList());
            }
            // The attributes the client may read become the ID token's claims (email, email_verified).
            if (p.get("ReadAttributes") instanceof List<?> l) {
                b.readAttributes(l.stream().map(String::valueOf).toList());
            }
            if (p.get("WriteAttributes") instanceof List<?> l) {
                b.writeAttributes(l.stream().map(String::valueOf).toList());
            }
            String id = client.createUserPoolClient(b.build()).userPoolClient().clientId();
            physicalIds.put(e.getKey(), id);
            clientPool.put(id, pool);
        }
        for (var e : template.resourcesOfType(GROUP).entrySet()) {
            Map<String, Object> p = props(resolverWith.apply(physicalIds), template, e.getKey());
            String name = str(p.getOrDefault("GroupName", e.getKey()));
            client.createGroup(b -> b.userPoolId(str(p.get("UserPoolId"))).groupName(name)
                    .description(p.get("Description") == null ? null : str(p.get("Description")))
                    .precedence(p.get("Precedence") == null ? null : Integer.parseInt(str(p.get("Precedence")))));
            physicalIds.put(e.getKey(), name);
        }
        return physicalIds;
    }

    Map<String, String> physicalIds() {
        return physicalIds;
    }

    /** The pool a client belongs to. */
    String poolOf(String clientId) {
        return clientPool.get(clientId);
    }

    /** {@code http://127.0.0.1:<moto>/<pool>/.well-known/jwks.json}. */
    URI jwks(String poolId) {
        return endpoint.resolve("/" + poolId + "/.well-known/jwks.json");
    }

    /** A confirmed user (e-mail verified, permanent password) in the given groups. */
    void createUser(String poolId, String email, String password, List<String> groups) {
        client.adminCreateUser(b -> b.userPoolId(poolId).username(email).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value(email).build(),
                        AttributeType.builder().name("email_verified").value("true").build()));
        client.adminSetUserPassword(b -> b.userPoolId(poolId).username(email).password(password).permanent(true));
        for (String g : groups) {
            client.adminAddUserToGroup(b -> b.userPoolId(poolId).username(email).groupName(g));
        }
    }

    /** An ID token for the user, from AdminInitiateAuth (ADMIN_USER_PASSWORD_AUTH). */
    String idToken(String poolId, String clientId, String email, String password) {
        return client.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", password)))
                .authenticationResult().idToken();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Resolver resolver, Template template, String id) {
        return (Map<String, Object>) resolver.resolve(template.properties(id));
    }

    private static String str(Object o) {
        return String.valueOf(o);
    }

    private static boolean bool(Object o) {
        return o != null && Boolean.parseBoolean(o.toString());
    }

    @Override
    public void close() {
        client.close();
    }
}
