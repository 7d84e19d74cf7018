package dev.bulwark.policy.gate.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GateChecksTest {

    @Test
    void registersEveryRuleKindInThePackage() throws IOException, URISyntaxException {
        Path directory = Path.of(GateCheck.class.getResource("GateCheck.class").toURI()).getParent();
        List<String> implementations;
        try (Stream<Path> files = Files.list(directory)) {
            implementations = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> load(name.substring(0, name.length() - ".class".length())))
                    .filter(type -> GateCheck.class.isAssignableFrom(type) && !type.isInterface()
                            && !Modifier.isAbstract(type.getModifiers()))
                    .map(Class::getSimpleName).sorted().toList();
        }

        List<String> registered = GateChecks.all().stream().map(check -> check.getClass().getSimpleName()).sorted().toList();

        assertThat(implementations).hasSizeGreaterThanOrEqualTo(10);
        assertThat(registered).containsExactlyElementsOf(implementations);
    }

    private static Class<?> load(String simpleName) {
        try {
            return Class.forName(GateCheck.class.getPackageName() + "." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
