package dev.bulwark.agent.sensor.proc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.agent.sensor.proc.ProcConnectorMessages.ExecEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class ProcConnectorMessagesTest {

    @Test
    void readsThePidOfAnExecEvent() {
        byte[] datagram = event(0x00000002, 4242, 4242, 123_456_789L);

        assertThat(ProcConnectorMessages.execEvents(datagram, datagram.length))
                .containsExactly(new ExecEvent(4242, 4242, 123_456_789L));
    }

    @Test
    void skipsEventsOtherThanExec() {
        byte[] fork = event(0x00000001, 10, 10, 1);
        byte[] exit = event(0x80000000, 10, 10, 1);

        assertThat(ProcConnectorMessages.execEvents(fork, fork.length)).isEmpty();
        assertThat(ProcConnectorMessages.execEvents(exit, exit.length)).isEmpty();
    }

    @Test
    void skipsATruncatedDatagram() {
        byte[] datagram = event(0x00000002, 4242, 4242, 1);

        assertThat(ProcConnectorMessages.execEvents(datagram, 30)).isEmpty();
    }

    @Test
    void subscribesWithOneListenOperationForTheProcConnector() {
        ByteBuffer request = ByteBuffer.wrap(ProcConnectorMessages.listenRequest()).order(ByteOrder.nativeOrder());

        assertThat(request.capacity()).isEqualTo(40);
        assertThat(request.getInt(0)).isEqualTo(40);
        assertThat(request.getInt(16)).isEqualTo(1); // cn_msg.id.idx = CN_IDX_PROC
        assertThat(request.getInt(20)).isEqualTo(1); // cn_msg.id.val = CN_VAL_PROC
        assertThat(request.getShort(32)).isEqualTo((short) 4); // cn_msg.len
        assertThat(request.getInt(36)).isEqualTo(1); // PROC_CN_MCAST_LISTEN
    }

    /** nlmsghdr (16) · cn_msg (20) · proc_event with the 24-byte union, as the kernel sends it. */
    private static byte[] event(int what, int pid, int tgid, long timestamp) {
        int length = 16 + 20 + 16 + 24;
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        buffer.putInt(length).putShort((short) 3).putShort((short) 0).putInt(7).putInt(0);
        buffer.putInt(1).putInt(1).putInt(7).putInt(0).putShort((short) (16 + 24)).putShort((short) 0);
        buffer.putInt(what).putInt(0).putLong(timestamp).putInt(pid).putInt(tgid);
        return buffer.array();
    }
}
