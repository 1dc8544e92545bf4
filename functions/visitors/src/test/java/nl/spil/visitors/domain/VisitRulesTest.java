package nl.spil.visitors.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import nl.spil.platform.i18n.Language;
import org.junit.jupiter.api.Test;

/** The visitors domain without any emulator: codes, transitions, block list, day end, lock-out, retention. */
class VisitRulesTest {

    private static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");
    /** Monday 22 March 2027, 09:00 in Amsterdam. */
    private static final Instant NOW = Instant.parse("2027-03-22T08:00:00Z");
    private static final Host HOST = new Host("P1", "Sam de Vries", "sam@example.org", Language.EN, Optional.of("Sales"));

    static Visit visit(Visitor visitor, Optional<BlockHit> hit) {
        return Visit.register(new Visit.Registration("V1", "V1", "S1", "Zuidas", AMS, NOW.plus(Duration.ofHours(2)), 60,
                Purpose.MEETING, visitor, HOST, new CheckInCode("ABCD2345"), "sub-sam", false, Retention.DEFAULT), hit, NOW);
    }

    static Visitor muller() {
        return new Visitor("Jürgen Müller", Optional.of("ACME"), Optional.of("jm@acme.example"), Language.NL);
    }

    @Test
    void codesHaveAtLeastThirtyBitsAndNoLookAlikes() {
        assertThat(CheckInCode.BITS).isGreaterThanOrEqualTo(30);
        assertThat(CheckInCode.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
        Set<String> seen = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            CheckInCode code = CheckInCode.generate(random);
            assertThat(code.value()).hasSize(8).matches("[" + CheckInCode.ALPHABET + "]{8}");
            seen.add(code.value());
        }
        assertThat(seen).hasSizeGreaterThan(9_990);
    }

    @Test
    void typedCodesAreReadForgivinglyAndComparedWhole() {
        CheckInCode code = new CheckInCode("ABCD2345");
        assertThat(code.matches("abcd-2345")).isTrue();
        assertThat(code.matches(" ABCD 2345 ")).isTrue();
        assertThat(code.matches("ABCD2346")).isFalse();
        assertThat(code.matches("ABCD234")).isFalse();
        assertThat(code.matches(null)).isFalse();
        assertThat(CheckInCode.normalize("ABCD-0OI1")).isEmpty();
        assertThat(code.grouped()).isEqualTo("ABCD-2345");
        assertThat(code.toString()).doesNotContain("ABCD");
        assertThatThrownBy(() -> new CheckInCode("abcd2345")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVisitIsExpectedOrWaitsForReviewWhenTheBlockListMatched() {
        assertThat(visit(muller(), Optional.empty()).status()).isEqualTo(VisitStatus.EXPECTED);
        Visit held = visit(muller(), Optional.of(new BlockHit("B1", NOW, BlockHit.Where.REGISTRATION)));
        assertThat(held.status()).isEqualTo(VisitStatus.NEEDS_REVIEW);
        Visit approved = held.review(new ReviewDecision("sub-olga", NOW, "known supplier", true));
        assertThat(approved.status()).isEqualTo(VisitStatus.EXPECTED);
        assertThat(approved.overridden()).isTrue();
        assertThat(held.review(new ReviewDecision("sub-olga", NOW, "no", false)).status()).isEqualTo(VisitStatus.REFUSED);
        assertThatThrownBy(() -> held.checkIn(new Acceptance(1, NOW, "J M"), 1, NOW))
                .isInstanceOfSatisfying(Refusal.Refused.class, r -> assertThat(r.refusal().slug()).isEqualTo("visitor-see-reception"));
    }

    @Test
    void checkInNeedsTheCurrentHouseRulesTodayAndHappensOnce() {
        Visit v = visit(muller(), Optional.empty());
        assertThatThrownBy(() -> v.checkIn(new Acceptance(1, NOW, "J. Müller"), 2, NOW))
                .isInstanceOfSatisfying(Refusal.Refused.class, r -> {
                    assertThat(r.refusal().slug()).isEqualTo("house-rules-not-accepted");
                    assertThat(r.refusal().kind()).isEqualTo(Refusal.Kind.RULE);
                });
        assertThatThrownBy(() -> v.checkIn(new Acceptance(2, NOW, "J"), 2, NOW.plus(Duration.ofDays(1))))
                .isInstanceOfSatisfying(Refusal.Refused.class, r -> assertThat(r.refusal().slug()).isEqualTo("not-today"));
        Visit in = v.checkIn(new Acceptance(2, NOW, "J. Müller"), 2, NOW);
        assertThat(in.status()).isEqualTo(VisitStatus.CHECKED_IN);
        assertThat(in.acceptance()).contains(new Acceptance(2, NOW, "J. Müller"));
        assertThat(in.version()).isEqualTo(v.version() + 1);
        assertThatThrownBy(() -> in.checkIn(new Acceptance(2, NOW, "J"), 2, NOW))
                .isInstanceOfSatisfying(Refusal.Refused.class, r -> assertThat(r.refusal().kind()).isEqualTo(Refusal.Kind.CONFLICT));
        Visit out = in.checkOut("sub-rita", NOW.plus(Duration.ofMinutes(95)));
        assertThat(out.minutesOnSite()).contains(95L);
        assertThatThrownBy(() -> out.checkOut("sub-rita", NOW)).isInstanceOf(Refusal.Refused.class);
        // a site without house rules asks nothing
        assertThat(v.checkIn(new Acceptance(0, NOW, "J"), 0, NOW).status()).isEqualTo(VisitStatus.CHECKED_IN);
    }

    @Test
    void aVisitCannotBeRegisteredForADayThatHasPassedOrLastLongerThanADay() {
        assertThatThrownBy(() -> Visit.register(new Visit.Registration("V", "V", "S", "Z", AMS, NOW.minus(Duration.ofDays(1)), 60,
                Purpose.MEETING, muller(), HOST, new CheckInCode("ABCD2345"), "s", false, Retention.DEFAULT), Optional.empty(), NOW))
                .isInstanceOfSatisfying(Refusal.Refused.class, r -> assertThat(r.refusal().slug()).isEqualTo("visit-in-the-past"));
        assertThatThrownBy(() -> Visit.register(new Visit.Registration("V", "V", "S", "Z", AMS, NOW, 24 * 60 + 1,
                Purpose.MEETING, muller(), HOST, new CheckInCode("ABCD2345"), "s", false, Retention.DEFAULT), Optional.empty(), NOW))
                .isInstanceOf(Refusal.Refused.class);
    }

    @Test
    void theBlockListMatchesFoldedNamesOrTheExactEmailUntilItsDay() {
        LocalDate day = LocalDate.of(2027, 3, 22);
        BlockEntry byName = new BlockEntry("B1", "MULLER, jurgen", Optional.empty(), Optional.empty(), "r", day, "o", NOW);
        BlockEntry sameName = new BlockEntry("B2", "jurgen  MÜLLER", Optional.empty(), Optional.empty(), "r", day, "o", NOW);
        BlockEntry byEmail = new BlockEntry("B3", "Someone Else", Optional.of("JM@acme.example"), Optional.empty(), "r", day, "o", NOW);
        assertThat(byName.matches(muller(), day)).isFalse(); // word order is part of the name
        assertThat(sameName.matches(muller(), day)).isTrue();
        assertThat(sameName.matches(muller(), day.plusDays(1))).isFalse();
        assertThat(byEmail.matches(muller(), day)).isTrue();
        assertThat(byEmail.matches(new Visitor("X", Optional.empty(), Optional.of("jm@acme.example.nl"), Language.NL), day)).isFalse();
        assertThat(BlockEntry.firstMatch(List.of(byName, byEmail), muller(), day)).map(BlockEntry::id).contains("B3");
    }

    @Test
    void aSitesDayHasEndedAtItsClosingTimeInItsOwnZone() {
        LocalTime closes = LocalTime.of(18, 0);
        assertThat(DayEnd.lastEndedDay(Instant.parse("2027-03-22T16:59:00Z"), AMS, closes)).isEqualTo(LocalDate.of(2027, 3, 21));
        assertThat(DayEnd.lastEndedDay(Instant.parse("2027-03-22T17:00:00Z"), AMS, closes)).isEqualTo(LocalDate.of(2027, 3, 22));
        // after the spring change Amsterdam is UTC+2: 18:00 local is 16:00Z
        assertThat(DayEnd.lastEndedDay(Instant.parse("2027-03-29T16:00:00Z"), AMS, closes)).isEqualTo(LocalDate.of(2027, 3, 29));
        assertThat(DayEnd.lastEndedDay(Instant.parse("2027-03-29T16:00:00Z"), ZoneId.of("America/New_York"), closes))
                .isEqualTo(LocalDate.of(2027, 3, 28));
    }

    @Test
    void tenWrongCodesInTenMinutesLockTheKioskOut() {
        WrongCodes w = WrongCodes.none();
        for (int i = 0; i < 9; i++) {
            w = w.plusOne(NOW.plusSeconds(i * 30L));
            assertThat(w.lockedFor(NOW.plusSeconds(i * 30L))).isEmpty();
        }
        w = w.plusOne(NOW.plusSeconds(300));
        assertThat(w.count()).isEqualTo(10);
        assertThat(w.lockedFor(NOW.plusSeconds(300))).contains(Duration.ofSeconds(300));
        assertThat(w.lockedFor(NOW.plusSeconds(600))).isEmpty();
        assertThat(w.plusOne(NOW.plusSeconds(601)).count()).isEqualTo(1);
    }

    @Test
    void personalDataGoesAfterTheSitesRetentionCountedFromTheEndOfTheVisitsDay() {
        assertThat(Retention.DEFAULT.days()).isEqualTo(30);
        assertThat(new Retention(1).expiresAt(LocalDate.of(2027, 3, 22), AMS)).isEqualTo(Instant.parse("2027-03-23T23:00:00Z"));
        assertThatThrownBy(() -> new Retention(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Retention(366)).isInstanceOf(IllegalArgumentException.class);
        assertThat(visit(muller(), Optional.empty()).expiresAt()).isEqualTo(Instant.parse("2027-04-21T22:00:00Z"));
    }

    @Test
    void houseRulesAreVersionedAndNeverLoggedWithPeople() {
        HouseRules none = HouseRules.none("S1");
        HouseRules v1 = none.next(0, java.util.Map.of(Language.NL, "Regels", Language.EN, "Rules"), "o", NOW);
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.text(Language.EN)).isEqualTo("Rules");
        assertThatThrownBy(() -> v1.next(0, java.util.Map.of(Language.NL, "x"), "o", NOW)).isInstanceOf(Refusal.Refused.class);
        assertThat(v1.next(1, java.util.Map.of(Language.NL, "Nieuw"), "o", NOW).text(Language.EN)).isEqualTo("Nieuw");
        assertThat(muller().toString()).doesNotContain("Müller", "acme");
        assertThat(visit(muller(), Optional.empty()).toString()).doesNotContain("Müller", "ACME", "ABCD");
    }
}
