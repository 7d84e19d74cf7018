package dev.bulwark.policy.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoTest {

    @Test
    void worksEachTextOutOnce() {
        List<String> asked = new ArrayList<>();
        Memo<Integer> lengths = new Memo<>(10, text -> {
            asked.add(text);
            return text.length();
        });

        assertThat(lengths.of("abc")).isEqualTo(3);
        assertThat(lengths.of("abc")).isEqualTo(3);
        assertThat(lengths.of("de")).isEqualTo(2);

        assertThat(asked).containsExactly("abc", "de");
    }

    @Test
    void forgetsEverythingWhenFullAndStillAnswersRight() {
        List<String> asked = new ArrayList<>();
        Memo<Integer> lengths = new Memo<>(2, text -> {
            asked.add(text);
            return text.length();
        });

        lengths.of("a");
        lengths.of("bb");
        assertThat(lengths.of("ccc")).isEqualTo(3);
        assertThat(lengths.of("a")).isEqualTo(1);

        assertThat(asked).containsExactly("a", "bb", "ccc", "a");
    }

    @Test
    void keepsNothingForATextTheFunctionRefuses() {
        List<String> asked = new ArrayList<>();
        Memo<Integer> numbers = new Memo<>(10, text -> {
            asked.add(text);
            return Integer.valueOf(text);
        });

        assertThatThrownBy(() -> numbers.of("x")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> numbers.of("x")).isInstanceOf(NumberFormatException.class);

        assertThat(asked).containsExactly("x", "x");
    }
}
