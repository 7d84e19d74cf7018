package dev.bulwark.policy.model;

/** Stage inheritance: a value a stage sets wins over the one it inherits. */
final class Merge {

    private Merge() {
    }

    static <T> T pick(T own, T inherited) {
        return own != null ? own : inherited;
    }

    static <T> T overridden(T inherited, T own, java.util.function.BinaryOperator<T> merge) {
        if (inherited == null) {
            return own;
        }
        return own == null ? inherited : merge.apply(inherited, own);
    }
}
