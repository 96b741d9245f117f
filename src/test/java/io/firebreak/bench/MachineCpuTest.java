package io.firebreak.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MachineCpuTest {

    @Test
    void busyIsUserNiceSystemAndInterruptsStealIsApartAndGuestIsNotCountedTwice() {
        var cpu = MachineCpu.parse("cpu  1000 10 200 5000 40 3 7 50 900 0");
        assertThat(cpu.busyTicks()).isEqualTo(1000 + 10 + 200 + 3 + 7);
        assertThat(cpu.idleTicks()).isEqualTo(5040);
        assertThat(cpu.stealTicks()).isEqualTo(50);
    }

    @Test
    void sharesAreOfEverythingCountedBetweenTwoReadings() {
        var before = MachineCpu.parse("cpu  100 0 100 800 0 0 0 0 0 0");
        var after = MachineCpu.parse("cpu  250 0 200 850 0 0 0 100 0 0");
        var spent = after.since(before);
        assertThat(spent.busySeconds()).isCloseTo(2.5, within(1e-9));
        assertThat(spent.busyShare()).isCloseTo(250.0 / 400, within(1e-9));
        assertThat(spent.stealShare()).isCloseTo(100.0 / 400, within(1e-9));
    }

    @Test
    void anUnknownReadingStaysUnknown() {
        var known = MachineCpu.parse("cpu  1 0 0 1 0 0 0 0 0 0");
        assertThat(known.since(MachineCpu.UNKNOWN).known()).isFalse();
        assertThat(MachineCpu.UNKNOWN.plus(known).busySeconds()).isNaN();
    }
}
