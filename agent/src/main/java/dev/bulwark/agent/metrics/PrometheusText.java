package dev.bulwark.agent.metrics;

/** Writes metric families in the Prometheus text exposition format, version 0.0.4. */
final class PrometheusText {

    private final StringBuilder out;

    PrometheusText(StringBuilder out) {
        this.out = out;
    }

    void family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** One sample; {@code label} null for a sample without labels. */
    void sample(String name, String label, String value, double number) {
        out.append(name);
        if (label != null) {
            out.append('{').append(label).append("=\"").append(escape(value)).append("\"}");
        }
        out.append(' ');
        if (number == Math.rint(number) && Math.abs(number) < 1e15) {
            out.append((long) number);
        } else {
            out.append(number);
        }
        out.append('\n');
    }

    private static String escape(String labelValue) {
        return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
