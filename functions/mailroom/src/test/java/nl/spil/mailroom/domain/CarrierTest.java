package nl.spil.mailroom.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CarrierTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "postnl, 3SABCD123456789, true",
            "postnl, 3s abcd 1234 5678-9, true",
            "postnl, RR123456785NL, true",
            "postnl, RR123456786NL, false",
            "postnl, 4SABCD123456789, false",
            "dhl, 1234567890, true",
            "dhl, JVGL0601234567890123, true",
            "dhl, JJD000390007777777777, true",
            "dhl, 00340434161234567890, true",
            "dhl, 123456789, false",
            "dpd, 01234567890123, true",
            "dpd, 0123456789012, false",
            "ups, 1Z999AA10123456784, true",
            "ups, 1z 999 aa1 0123 4567 84, true",
            "ups, 1Z999AA10123456785, false",
            "gls, 12345678901, true",
            "gls, ZX12AB34, true",
            "gls, 1234567, false",
            "other, ABC-123, true",
            "other, AB1, false",
    })
    void trackingNumbersAreCheckedAgainstTheCarriersFormat(String carrier, String typed, boolean valid) {
        assertThat(Carrier.parse(carrier).orElseThrow().accepts(Carrier.normalize(typed))).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"RR123456785NL, true", "CP123456784DE, false", "EE000000000NL, false", "EE000000005NL, true"})
    void upuS10NumbersCarryACheckDigit(String number, boolean valid) {
        assertThat(Carrier.s10(number)).isEqualTo(valid);
    }
}
