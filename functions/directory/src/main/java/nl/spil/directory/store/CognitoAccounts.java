package nl.spil.directory.store;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import nl.spil.directory.app.SignInAccounts;
import nl.spil.platform.config.Settings;
import nl.spil.platform.dynamo.RequestCounter;
import nl.spil.platform.identity.Role;
import nl.spil.platform.problem.ProblemException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InternalErrorException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
import software.amazon.awssdk.utils.Lazy;

/**
 * Sign-in accounts in the template's Cognito user pool ({@code USER_POOL_ID}). The pool signs
 * people in by e-mail, so an account is found by its e-mail; once known it is named by its
 * subject ({@code sub}), which Cognito's admin calls accept as the user name. Each call is one
 * request; group changes are one request per group.
 */
@Singleton
public class CognitoAccounts implements SignInAccounts {

    private final Supplier<CognitoIdentityProviderClient> client;
    private final Settings settings;

    /**
     * The client is built on first use, not at init: "me", the call every front end makes
     * first, never needs it, so a cold start does not load the Cognito SDK for it.
     */
    @Inject
    public CognitoAccounts(Settings settings) {
        this(new Lazy<>(CognitoAccounts::newClient)::getValue, settings);
    }

    CognitoAccounts(CognitoIdentityProviderClient cognito, Settings settings) {
        this(() -> cognito, settings);
    }

    private CognitoAccounts(Supplier<CognitoIdentityProviderClient> client, Settings settings) {
        this.client = client;
        this.settings = settings;
    }

    /**
     * The pool, read on use: the directory's event consumer (same jar, every singleton built at
     * init) has no pool in its environment and never touches an account.
     */
    private String pool() {
        return settings.require("USER_POOL_ID");
    }

    /** Built as the platform builds its DynamoDB client: URL connection, the SDK's environment, the request counter. */
    private static CognitoIdentityProviderClient newClient() {
        return CognitoIdentityProviderClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(new RequestCounter()).build())
                .build();
    }

    @Override
    public Account open(String email) {
        return answered(() -> {
            try {
                var created = cognito().adminCreateUser(b -> b.userPoolId(pool()).username(email)
                        .desiredDeliveryMediums(DeliveryMediumType.EMAIL)
                        .userAttributes(attribute("email", email), attribute("email_verified", "true")));
                return new Account(sub(created.user().attributes()), true);
            } catch (UsernameExistsException exists) {
                AdminGetUserResponse user = cognito().adminGetUser(b -> b.userPoolId(pool()).username(email));
                if (!Boolean.TRUE.equals(user.enabled())) {
                    cognito().adminEnableUser(b -> b.userPoolId(pool()).username(user.username()));
                }
                return new Account(sub(user.userAttributes()), false);
            } catch (InvalidParameterException refused) {
                throw ProblemException.badRequest("email", "is not an address the sign-in service accepts");
            }
        });
    }

    @Override
    public Optional<String> find(String email) {
        return answered(() -> {
            try {
                return Optional.of(sub(cognito().adminGetUser(b -> b.userPoolId(pool()).username(email)).userAttributes()));
            } catch (UserNotFoundException none) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void grant(String sub, Set<Role> roles) {
        answered(() -> {
            try {
                roles.forEach(role -> cognito().adminAddUserToGroup(b -> b.userPoolId(pool()).username(sub)
                        .groupName(role.group())));
            } catch (UserNotFoundException gone) {
                // deleted in the pool meanwhile: no account, nothing to grant
            }
            return null;
        });
    }

    @Override
    public void revoke(String sub, Set<Role> roles) {
        answered(() -> {
            try {
                roles.forEach(role -> cognito().adminRemoveUserFromGroup(b -> b.userPoolId(pool()).username(sub)
                        .groupName(role.group())));
            } catch (UserNotFoundException gone) {
                // no account, no groups
            }
            return null;
        });
    }

    @Override
    public boolean close(String sub) {
        return answered(() -> {
            try {
                // disabled first, so no sign-in slips in before the sign-out
                cognito().adminDisableUser(b -> b.userPoolId(pool()).username(sub));
                try {
                    cognito().adminUserGlobalSignOut(b -> b.userPoolId(pool()).username(sub));
                } catch (NotAuthorizedException alreadyDisabled) {
                    // a disabled account's refresh tokens are refused anyway
                }
                return true;
            } catch (UserNotFoundException none) {
                return false;
            }
        });
    }

    private CognitoIdentityProviderClient cognito() {
        return client.get();
    }

    /** Cognito busy or out of reach is a 503 the client may retry; anything else is a fault of ours. */
    private static <T> T answered(Supplier<T> call) {
        try {
            return call.get();
        } catch (TooManyRequestsException | InternalErrorException | SdkClientException e) {
            throw SignInAccounts.unavailable("the sign-in service did not answer (" + e.getClass().getSimpleName()
                    + "); send the request again");
        }
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private static String sub(List<AttributeType> attributes) {
        return attributes.stream().filter(a -> "sub".equals(a.name())).map(AttributeType::value).findFirst()
                .orElseThrow(() -> new IllegalStateException("a Cognito user without a sub"));
    }
}
