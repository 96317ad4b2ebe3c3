package io.crewexport.runner.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/** Draws cell values in the vendor's formats from one row's random source. */
final class RandomCells {
  private final SplittableRandom random;

  RandomCells(SplittableRandom random) {
    this.random = random;
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** A whole number from {@code min} to {@code max}, both included. */
  int between(int min, int max) {
    return random.nextInt(min, max + 1);
  }

  /** A day from {@code first} to {@code last}, both included. */
  LocalDate date(LocalDate first, LocalDate last) {
    return LocalDate.ofEpochDay(random.nextLong(first.toEpochDay(), last.toEpochDay() + 1));
  }

  /** The vendor's list cell: one to {@code maxItems} lines, each starting with a dash. */
  String list(int maxItems, Supplier<String> item) {
    int count = between(1, maxItems);
    StringBuilder cell = new StringBuilder();
    for (int i = 0; i < count; i++) {
      cell.append(i == 0 ? "- " : "\n- ").append(item.get());
    }
    return cell.toString();
  }

  /** The vendor's date cell: {@code yyyymmdd}. */
  static String number(LocalDate date) {
    return Integer.toString(
        date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth());
  }

  /** The vendor's date inside list cells, such as {@code 29 Jun 2021}. */
  static String spoken(LocalDate date) {
    return date.getDayOfMonth()
        + " "
        + PeopleVocabulary.MONTHS.get(date.getMonthValue() - 1)
        + " "
        + date.getYear();
  }
}
