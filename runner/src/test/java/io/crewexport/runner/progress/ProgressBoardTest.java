package io.crewexport.runner.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class ProgressBoardTest {

  @Test
  void showsEachRunningExportByWhatItIsDoing() {
    ProgressBoard board = new ProgressBoard();
    ProgressBoard.Entry waiting = board.start("acme: a [2024-01-01..2024-01-31]");
    ProgressBoard.Entry downloading = board.start("acme: b [no period]");
    ProgressBoard.Entry writing = board.start("acme: c [no period]");
    downloading.downloaded(12_500_000);
    writing.downloaded(1_000);
    writing.written(40_960);

    assertThat(board.lines())
        .hasSize(3)
        .satisfiesExactly(
            line ->
                assertThat(line)
                    .startsWith("acme: a [2024-01-01..2024-01-31]: waiting for Crewmojo, "),
            line -> assertThat(line).startsWith("acme: b [no period]: 12.5 MB received, "),
            line -> assertThat(line).startsWith("acme: c [no period]: 40,960 rows written, "));

    board.finish(waiting);
    board.finish(writing);
    assertThat(board.lines()).hasSize(1);
    assertThat(ProgressDisplay.statusLine(board.lines())).startsWith("[1 running] acme: b");
  }
}
