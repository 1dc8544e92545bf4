package nl.spil.notifier.aws;

import static org.assertj.core.api.Assertions.assertThat;

import nl.spil.notifier.domain.Outcome;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/** Which SES answers are worth another try, and the event id put into event details. */
class ClassificationTest {

    private static AwsErrorDetails details(String code) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage("m").build();
    }

    @Test
    void throttlingAndServerErrorsAreTransientRefusalsArePermanent() {
        assertThat(AwsChannels.classify(TooManyRequestsException.builder().statusCode(429)
                .awsErrorDetails(details("TooManyRequestsException")).build())).isInstanceOf(Outcome.Transient.class);
        assertThat(AwsChannels.classify(LimitExceededException.builder().statusCode(400)
                .awsErrorDetails(details("LimitExceededException")).build())).isInstanceOf(Outcome.Transient.class);
        assertThat(AwsChannels.classify(SesV2Exception.builder().statusCode(500)
                .awsErrorDetails(details("InternalFailure")).build())).isInstanceOf(Outcome.Transient.class);
        assertThat(AwsChannels.classify(SesV2Exception.builder().statusCode(503).build())).isInstanceOf(Outcome.Transient.class);
        assertThat(AwsChannels.classify(MessageRejectedException.builder().statusCode(400)
                .awsErrorDetails(details("MessageRejected")).build())).isInstanceOf(Outcome.Permanent.class);
        assertThat(AwsChannels.classify(MailFromDomainNotVerifiedException.builder().statusCode(400)
                .awsErrorDetails(details("MailFromDomainNotVerifiedException")).build())).isInstanceOf(Outcome.Permanent.class);
    }

    @Test
    void anAccountThatCannotSendPausesEMailInsteadOfFailingIt() {
        assertThat(AwsChannels.classify(AccountSuspendedException.builder().statusCode(400)
                .awsErrorDetails(details("AccountSuspendedException")).build())).isInstanceOf(Outcome.AccountPaused.class);
        assertThat(AwsChannels.classify(SendingPausedException.builder().statusCode(400)
                .awsErrorDetails(details("SendingPausedException")).build())).isInstanceOf(Outcome.AccountPaused.class);
        assertThat(AwsChannels.classify(SendingPausedException.builder().statusCode(400).build()))
                .as("known by its class when the code is missing").isInstanceOf(Outcome.AccountPaused.class);
        assertThat(AwsChannels.classify(TooManyRequestsException.builder().statusCode(429)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException")
                        .errorMessage("Daily message quota exceeded.").build()).build()))
                .isInstanceOf(Outcome.AccountPaused.class);
        assertThat(AwsChannels.classify(TooManyRequestsException.builder().statusCode(429)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException")
                        .errorMessage("Maximum sending rate exceeded.").build()).build()))
                .as("a rate spell is ridden out per item").isInstanceOf(Outcome.Transient.class);
    }

    @Test
    void theEventIdGoesIntoTheDetailUnlessItIsThere() {
        assertThat(EventDetail.withEventId("{}", "01ABC")).isEqualTo("{\"eventId\":\"01ABC\"}");
        assertThat(EventDetail.withEventId(" {\"a\":{\"eventId\":1},\"b\":[1]} ", "01ABC"))
                .isEqualTo("{\"eventId\":\"01ABC\",\"a\":{\"eventId\":1},\"b\":[1]}");
        assertThat(EventDetail.withEventId("{\"eventId\":\"x\"}", "01ABC")).isEqualTo("{\"eventId\":\"x\"}");
    }
}
