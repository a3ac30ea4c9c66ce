package org.spaprov.cli.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The two halves of {@link TutorialTest}'s checking: finding the blocks, and matching their output. */
class DocBlocksAndOutputMatchTest {
    @Test
    void eachShellBlockTakesTheTextBlockAfterIt() {
        DocBlocks b = DocBlocks.parse("""
                # Title
                ```sh
                echo one
                ```
                prose
                ```text
                one
                ```
                ```sh
                true
                ```
                ```xml
                <not-run/>
                ```
                ```sh
                echo two
                ```
                """);
        assertThat(b.steps()).hasSize(3);
        assertThat(b.steps().get(0).line()).isEqualTo(2);
        assertThat(b.steps().get(0).script()).isEqualTo("echo one\n");
        assertThat(b.steps().get(0).expected()).hasValue("one\n");
        assertThat(b.steps().get(1).expected()).isEmpty();
        assertThat(b.steps().get(2).firstLine()).isEqualTo("echo two");
        assertThat(b.steps().get(2).expected()).isEmpty();
    }

    @Test
    void anUnclosedBlockIsAnError() {
        assertThatThrownBy(() -> DocBlocks.parse("```sh\necho\n")).hasMessageContaining("line 1");
    }

    @Test
    void expectedLinesMustAppearInOrderAsWholeLines() {
        String actual = "boot spa2102 x 5.2.12\nwarning: noise\nresync-request tftp://h/basic.txt\nresync-success\n";
        assertThat(OutputMatch.firstMissing("resync-request tftp://h/basic.txt\nresync-success\n", actual)).isEmpty();
        assertThat(OutputMatch.firstMissing("resync-success\nresync-request tftp://h/basic.txt\n", actual))
                .hasValue("resync-request tftp://h/basic.txt");
        assertThat(OutputMatch.firstMissing("resync\n", actual)).hasValue("resync");
        assertThat(OutputMatch.firstMissing("resync-failure: timeout\n", actual)).hasValue("resync-failure: timeout");
    }

    @Test
    void threeDotsStandForAnyText() {
        String actual = "<133>Nov 24 07:40:00 000e08aabbcc SPA2102: SPA2102 00:0e:08:aa:bb:cc -- Requesting resync x\n30\n88\n";
        assertThat(OutputMatch.firstMissing("...SPA2102 00:0e:08:aa:bb:cc -- Requesting resync x\n...\n88\n", actual))
                .isEmpty();
        assertThat(OutputMatch.firstMissing("...Successful resync x\n", actual)).hasValue("...Successful resync x");
        assertThat(OutputMatch.firstMissing("a.b\n", "axb\n")).hasValue("a.b");
    }
}
