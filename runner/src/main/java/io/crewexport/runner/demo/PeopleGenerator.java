package io.crewexport.runner.demo;

import static io.crewexport.runner.demo.PeopleVocabulary.CJK_NAMES;
import static io.crewexport.runner.demo.PeopleVocabulary.FIRST_NAMES;
import static io.crewexport.runner.demo.PeopleVocabulary.GENDERS;
import static io.crewexport.runner.demo.PeopleVocabulary.GUIDE_TEAMS;
import static io.crewexport.runner.demo.PeopleVocabulary.LAST_NAMES;
import static io.crewexport.runner.demo.PeopleVocabulary.LEAVE_TYPES;
import static io.crewexport.runner.demo.PeopleVocabulary.MANAGERS;
import static io.crewexport.runner.demo.PeopleVocabulary.NICKNAMES;
import static io.crewexport.runner.demo.PeopleVocabulary.POSITIONS;
import static io.crewexport.runner.demo.PeopleVocabulary.STATES;
import static io.crewexport.runner.demo.PeopleVocabulary.STREETS;
import static io.crewexport.runner.demo.PeopleVocabulary.TEAMS;
import static io.crewexport.runner.demo.RandomCells.number;
import static io.crewexport.runner.demo.RandomCells.spoken;

import io.crewexport.runner.demo.PeopleVocabulary.Manager;
import io.crewexport.runner.demo.PeopleVocabulary.Name;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes the rows of {@link GeneratedReport}: one person per row, in the vendor sample's 31 columns,
 * mostly empty cells, with the awkward values real exports contain.
 *
 * <p>Each row is a pure function of the seed and the row index, so any slice of a report can be
 * regenerated without the rows before it.
 */
final class PeopleGenerator {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final LocalDate FIRST_CREATED = LocalDate.of(2015, 1, 1);
  private static final LocalDate LAST_DAY = LocalDate.of(2024, 12, 31);
  private static final LocalDate RECENT = LocalDate.of(2024, 1, 1);

  private final long seed;

  PeopleGenerator(long seed) {
    this.seed = seed;
  }

  /** The row at {@code index}, counting from 0. */
  List<String> row(long index) {
    RandomCells draw = new RandomCells(new SplittableRandom(seed + GOLDEN_GAMMA * (index + 1)));
    List<String> cells = new ArrayList<>(PeopleVocabulary.HEADINGS.size());
    addEmployment(cells, draw, index);
    addTeams(cells, draw);
    addPersonalDetails(cells, draw);
    return cells;
  }

  /** Employee to Last Team Meeting: always filled, {@code 0} standing for a date that is none. */
  private static void addEmployment(List<String> cells, RandomCells draw, long index) {
    Name person = person(draw);
    Manager manager = draw.pick(MANAGERS);
    boolean active = draw.chance(0.8);
    LocalDate created = draw.date(FIRST_CREATED, LAST_DAY);
    LocalDate started = draw.date(LocalDate.of(2005, 1, 1), LAST_DAY);

    cells.add(person.display());
    cells.add("emp" + (index + 1));
    cells.add(person.ascii() + "." + (index + 1) + "@example.com");
    cells.add(manager.name());
    cells.add(manager.code());
    cells.add(active ? "Yes" : "No");
    cells.add(number(created));
    cells.add(draw.chance(0.7) ? number(draw.date(created, LAST_DAY)) : "0");
    cells.add(draw.chance(0.6) ? number(draw.date(created, LAST_DAY)) : "0");
    cells.add(draw.chance(0.75) ? number(started) : "0");
    cells.add(!active && draw.chance(0.5) ? number(draw.date(started, LAST_DAY)) : "0");
    cells.add(draw.chance(0.4) ? number(draw.date(RECENT, LAST_DAY)) : "0");
    cells.add(draw.chance(0.3) ? number(draw.date(RECENT, LAST_DAY)) : "0");
  }

  /** Active Teams to Leave History: mostly empty, list cells several lines long. */
  private static void addTeams(List<String> cells, RandomCells draw) {
    cells.add(draw.chance(0.5) ? draw.list(3, () -> draw.pick(TEAMS)) : "");
    cells.add(draw.chance(0.05) ? draw.list(1, () -> draw.pick(GUIDE_TEAMS)) : "");
    cells.add(draw.chance(0.15) ? draw.list(1, () -> draw.pick(TEAMS)) : "");
    cells.add(draw.chance(0.03) ? draw.list(1, () -> "Stars of " + draw.between(2019, 2024)) : "");
    cells.add(draw.chance(0.1) ? draw.list(2, () -> draw.pick(TEAMS)) : "");
    cells.add(draw.chance(0.05) ? draw.list(2, () -> draw.pick(TEAMS)) : "");
    cells.add(draw.chance(0.7) ? draw.pick(POSITIONS) : "");
    cells.add(draw.chance(0.4) ? draw.list(3, () -> position(draw)) : "");
    cells.add(draw.chance(0.15) ? draw.list(2, () -> leave(draw)) : "");
  }

  /** Gender to Security training: mostly empty, with commas, quotes and emoji here and there. */
  private static void addPersonalDetails(List<String> cells, RandomCells draw) {
    cells.add(draw.chance(0.4) ? draw.pick(GENDERS) : "");
    cells.add(draw.chance(0.1) ? draw.between(1, 250) + " " + draw.pick(STREETS) : "");
    cells.add(draw.chance(0.2) ? draw.pick(STATES) : "");
    cells.add(draw.chance(0.08) ? draw.pick(NICKNAMES) : "");
    cells.add(draw.chance(0.05) ? links(draw) : "");
    cells.add(draw.chance(0.1) ? person(draw).display() : "");
    cells.add(draw.chance(0.3) ? sparkle(draw) : "");
    cells.add(
        draw.chance(0.2)
            ? number(draw.date(LocalDate.of(1960, 1, 1), LocalDate.of(2004, 12, 31)))
            : "");
    cells.add(draw.chance(0.5) ? (draw.chance(0.8) ? "Yes" : "No") : "");
  }

  private static Name person(RandomCells draw) {
    if (draw.chance(0.08)) {
      return draw.pick(CJK_NAMES);
    }
    Name first = draw.pick(FIRST_NAMES);
    Name last = draw.pick(LAST_NAMES);
    return new Name(first.display() + " " + last.display(), first.ascii() + "." + last.ascii());
  }

  private static String position(RandomCells draw) {
    return draw.pick(POSITIONS) + " (" + spoken(draw.date(FIRST_CREATED, LAST_DAY)) + ")";
  }

  private static String leave(RandomCells draw) {
    LocalDate first = draw.date(FIRST_CREATED, LAST_DAY);
    LocalDate last = first.plusDays(draw.between(1, 21));
    return draw.pick(LEAVE_TYPES) + " (" + spoken(first) + " - " + spoken(last) + ")";
  }

  private static String links(RandomCells draw) {
    String wiki = "https://wiki.example.com/people/" + draw.between(1000, 9999);
    return draw.chance(0.5)
        ? wiki
        : wiki + "\nhttps://cv.example.com/?id=" + draw.between(1, 99) + "&lang=en";
  }

  private static String sparkle(RandomCells draw) {
    int whole = draw.between(0, 100);
    return draw.chance(0.7) ? Integer.toString(whole) : whole + "." + draw.between(1, 9);
  }
}
