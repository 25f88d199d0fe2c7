package nl.eindtoets.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class AdmissionControlTest {

    private static void assertBusy(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(GatewayFault.class, f -> {
            assertThat(f.code()).isEqualTo(FaultCode.TIJDELIJK_NIET_BESCHIKBAAR);
            assertThat(f.digikoppelingCode()).isEqualTo("0051");
            assertThat(f.refusal().httpStatus()).isEqualTo(503);
        });
    }

    @Test
    void refusesTheRequestPastTheNumberInProgress() {
        AdmissionControl admission = new AdmissionControl(2, 1_000_000, 1000);
        admission.admit("10");
        admission.admit("10");

        assertBusy(() -> admission.admit("10"));
        assertThat(admission.inProgress()).isEqualTo(2);
    }

    @Test
    void admitsAgainOnceAPermitIsReleased() {
        AdmissionControl admission = new AdmissionControl(1, 1_000_000, 1000);
        AdmissionControl.Permit first = admission.admit("10");

        admission.release(first);

        assertThat(admission.admit("10")).isNotNull();
    }

    @Test
    void refusesARequestWhoseDeclaredLengthExceedsTheBytesLeft() {
        AdmissionControl admission = new AdmissionControl(10, 1000, 100);
        admission.admit("600");

        assertBusy(() -> admission.admit("500"));
        assertThat(admission.inProgress()).as("the refused request holds no permit").isEqualTo(1);
    }

    @Test
    void chargesAChunkedRequestTheUnknownLengthCharge() {
        AdmissionControl admission = new AdmissionControl(10, 1000, 400);
        admission.admit(null);
        admission.admit(null);

        assertBusy(() -> admission.admit(null));
    }

    @Test
    void admitsARequestLargerThanTheWholeBudgetWhenNothingElseIsInProgress() {
        AdmissionControl admission = new AdmissionControl(10, 1000, 100);

        AdmissionControl.Permit big = admission.admit("5000");

        assertBusy(() -> admission.admit("1"));
        admission.release(big);
        assertThat(admission.admit("1")).isNotNull();
    }

    @Test
    void releasingThePermitTwiceGivesBackOnlyOnce() {
        AdmissionControl admission = new AdmissionControl(1, 1000, 100);
        AdmissionControl.Permit permit = admission.admit("10");

        admission.release(permit);
        admission.release(permit);

        admission.admit("10");
        assertBusy(() -> admission.admit("10"));
    }
}
