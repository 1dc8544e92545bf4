package nl.spil.directory.api;

import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.spil.localkit.LocalAws;
import nl.spil.platform.directory.DirectoryLayout;
import nl.spil.testkit.Events;
import nl.spil.testkit.FunctionUnderTest;
import nl.spil.testkit.HttpAnswer;
import nl.spil.testkit.HttpEvent;
import nl.spil.testkit.LambdaHttp;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The directory function as Lambda runs it: its real handler class, the environment template.yaml
 * gives it, tables created from the template in the local AWS. One per test JVM.
 */
final class DirectoryFunction {

    static final String ID = "DirectoryFunction";
    private static DirectoryFunction instance;

    final LocalAws aws;
    private final FunctionUnderTest function;
    final LambdaHttp http;

    private DirectoryFunction(FunctionUnderTest function) {
        this.function = function;
        this.aws = function.aws;
        this.http = function.http;
    }

    static synchronized DirectoryFunction get() {
        if (instance == null) {
            instance = new DirectoryFunction(FunctionUnderTest.get(ID));
        }
        return instance;
    }

    ApplicationContext context() {
        return function.context();
    }

    String table() {
        return function.table("DirectoryTable");
    }

    /** The user pool the function's environment names (created from the template in the local AWS). */
    String pool() {
        return aws.environment(ID).get("USER_POOL_ID");
    }

    CognitoIdentityProviderClient cognito() {
        return aws.cognito();
    }

    /** An account made in the pool by hand, as an operator did before the directory opened them; answers its sub. */
    String accountMadeByHand(String email, String... groups) {
        var user = cognito().adminCreateUser(b -> b.userPoolId(pool()).username(email)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value(email).build(),
                        AttributeType.builder().name("email_verified").value("true").build())).user();
        for (String g : groups) {
            cognito().adminAddUserToGroup(b -> b.userPoolId(pool()).username(user.username()).groupName(g));
        }
        return subOf(user.attributes());
    }

    /** The account with this e-mail: its subject and whether it is enabled; empty when there is none. */
    Optional<Account> account(String email) {
        try {
            AdminGetUserResponse user = cognito().adminGetUser(b -> b.userPoolId(pool()).username(email));
            return Optional.of(new Account(subOf(user.userAttributes()), user.enabled()));
        } catch (UserNotFoundException none) {
            return Optional.empty();
        }
    }

    record Account(String sub, boolean enabled) {
    }

    /** The account's groups, sorted. */
    List<String> groupsOf(String sub) {
        return cognito().adminListGroupsForUser(b -> b.userPoolId(pool()).username(sub)).groups().stream()
                .map(GroupType::groupName).sorted().toList();
    }

    /** The person's item by id, as stored; empty when there is none. */
    Map<String, AttributeValue> personItem(String id) {
        return aws.dynamoDb().getItem(b -> b.tableName(table()).key(DirectoryLayout.personKey(id)).consistentRead(true))
                .item();
    }

    private static String subOf(List<AttributeType> attributes) {
        return attributes.stream().filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
    }

    HttpAnswer send(HttpEvent event) {
        return function.send(event);
    }

    static HttpEvent event(String name) {
        return Events.http("directory/" + name);
    }

    /** A unique e-mail so tests sharing the table never collide. */
    static String uniqueEmail(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
