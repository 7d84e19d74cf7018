package dev.bulwark.agent.prevent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Programs judged by what they are: a container's files laid out in a directory as a Debian image lays them out. */
class GuardRulesTest {

    @TempDir
    Path root;

    private ContainerFiles files;

    @BeforeEach
    void layOutAnImage() throws IOException {
        program("usr/bin/dash", "dash's code");
        program("usr/bin/bash", "bash's code, a little longer");
        program("usr/bin/python3.11", "python's code");
        program("usr/bin/date", "date's code");
        program("bin/busybox", "busybox's code");
        program("lib64/ld-linux-x86-64.so.2", "the loader");
        Files.createSymbolicLink(root.resolve("usr/bin/sh"), Path.of("dash"));
        Files.createSymbolicLink(root.resolve("usr/bin/python3"), Path.of("/usr/bin/python3.11"));
        Files.createSymbolicLink(root.resolve("sbin"), Path.of("usr/bin"));
        for (String applet : List.of("ls", "cat", "ash", "sh", "vi")) {
            Files.createDirectories(root.resolve("opt/bb"));
            Files.createSymbolicLink(root.resolve("opt/bb/" + applet), Path.of("/bin/busybox"));
        }
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/shadow"), "root:*:19000:0:99999:7:::\n");
        files = new ContainerFiles(root);
    }

    private void program(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private GuardRules.Content judge(GuardRules rules, String path) throws IOException {
        Path file = root.resolve(path);
        return rules.judge(FileKey.of(file), file, System.nanoTime() + 1_000_000_000L);
    }

    private static GuardPlan plan(List<String> denied, List<String> allowed, Optional<Set<String>> profile) {
        return new GuardPlan("c0ffee", 1, denied, allowed, profile, Optional.empty(), false);
    }

    @Test
    void resolvesAbsoluteLinksInsideTheContainerNotOnTheHost() {
        assertThat(files.resolve("/usr/bin/python3")).contains("/usr/bin/python3.11");
        assertThat(files.resolve("/sbin/sh")).contains("/usr/bin/dash");
        assertThat(files.resolve("/opt/bb/../bb/sh")).contains("/bin/busybox");
    }

    @Test
    void aCopyOrARenameOfADeniedShellIsTheSameShell() throws IOException {
        GuardRules rules = GuardRules.build(plan(List.of("**/sh", "**/bash"), List.of(), Optional.empty()), files,
                new ContentHashes());
        Files.copy(root.resolve("usr/bin/dash"), root.resolve("tmp-notashell"));
        Files.move(root.resolve("usr/bin/bash"), root.resolve("usr/bin/renamed"));

        assertThat(judge(rules, "usr/bin/dash")).isInstanceOf(GuardRules.Content.Denied.class);
        assertThat(judge(rules, "tmp-notashell")).isInstanceOf(GuardRules.Content.Denied.class);
        assertThat(((GuardRules.Content.Denied) judge(rules, "tmp-notashell")).why()).contains("/usr/bin/dash by content");
        assertThat(judge(rules, "usr/bin/renamed")).isInstanceOf(GuardRules.Content.Denied.class);
        assertThat(judge(rules, "usr/bin/date")).isInstanceOf(GuardRules.Content.Allowed.class);
        assertThat(rules.refusedNames()).contains("/usr/bin/sh", "/sbin/sh").doesNotContain("/opt/bb/sh");
    }

    @Test
    void aMultiCallBinaryIsNotDeniedForOneOfItsNames() throws IOException {
        GuardRules rules = GuardRules.build(plan(List.of("**/sh"), List.of(), Optional.empty()), files, new ContentHashes());

        assertThat(judge(rules, "bin/busybox")).isInstanceOf(GuardRules.Content.Allowed.class);
    }

    @Test
    void aConvergedProfileKnowsItsProgramsAndTheLoaderOnly() throws IOException {
        GuardRules rules = GuardRules.build(plan(List.of(), List.of(), Optional.of(Set.of("/usr/bin/python3", "/usr/bin/date"))),
                files, new ContentHashes());
        Files.copy(root.resolve("usr/bin/date"), root.resolve("date-copy"));

        assertThat(judge(rules, "usr/bin/python3.11")).isInstanceOf(GuardRules.Content.Allowed.class);
        assertThat(judge(rules, "date-copy")).isInstanceOf(GuardRules.Content.Allowed.class);
        assertThat(judge(rules, "lib64/ld-linux-x86-64.so.2")).isInstanceOf(GuardRules.Content.Allowed.class);
        assertThat(judge(rules, "usr/bin/dash")).isInstanceOf(GuardRules.Content.Unknown.class);
        assertThat(judge(rules, "bin/busybox")).isInstanceOf(GuardRules.Content.Unknown.class);
    }

    @Test
    void anAllowListRefusesEverythingElse() throws IOException {
        GuardRules rules = GuardRules.build(plan(List.of(), List.of("/usr/bin/python3*"), Optional.empty()), files,
                new ContentHashes());

        assertThat(judge(rules, "usr/bin/python3.11")).isInstanceOf(GuardRules.Content.Allowed.class);
        assertThat(judge(rules, "usr/bin/date")).isInstanceOf(GuardRules.Content.Denied.class);
    }

    @Test
    void aProgramRewrittenInPlaceIsJudgedAgain() throws IOException {
        GuardRules rules = GuardRules.build(plan(List.of("**/sh"), List.of(), Optional.empty()), files, new ContentHashes());
        Path date = root.resolve("usr/bin/date");
        assertThat(judge(rules, "usr/bin/date")).isInstanceOf(GuardRules.Content.Allowed.class);

        Files.copy(root.resolve("usr/bin/dash"), date, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(judge(rules, "usr/bin/date")).isInstanceOf(GuardRules.Content.Denied.class);
    }

    @Test
    void findsTheCredentialFilesPresent() {
        assertThat(CredentialFiles.present(files)).containsExactly("/etc/shadow");
    }

    @Test
    void readsMountPointsButNotKernelInterfaces() {
        List<String> lines = List.of(
                "600 500 0:50 / / rw,relatime - overlay overlay rw,lowerdir=/x",
                "601 600 0:53 / /proc rw,nosuid - proc proc rw",
                "602 600 0:54 / /dev rw,nosuid - tmpfs tmpfs rw",
                "603 602 0:55 / /dev/shm rw,nosuid,nodev,noexec - tmpfs shm rw",
                "604 600 8:1 /var/lib/docker/volumes/v/_data /var/log/my\\040app rw - ext4 /dev/sda1 rw",
                "605 600 0:56 / /sys/fs/cgroup ro - cgroup2 cgroup rw");

        assertThat(dev.bulwark.agent.sensor.files.Mounts.parse(lines)).containsExactly("/", "/dev", "/dev/shm", "/var/log/my app");
    }
}
