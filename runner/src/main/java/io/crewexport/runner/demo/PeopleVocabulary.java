package io.crewexport.runner.demo;

import java.util.Arrays;
import java.util.List;

/**
 * The words {@link PeopleGenerator} draws from: names from many languages, teams, positions and
 * places, chosen so that generated cells exercise accents, CJK, emoji, commas and quotes.
 */
final class PeopleVocabulary {

  /** A name as shown in the report, and a plain-ASCII form for e-mail addresses. */
  record Name(String display, String ascii) {}

  /** A manager and the opaque code the vendor shows beside them. */
  record Manager(String name, String code) {}

  /** The vendor sample's 31 headings, in its order, duplicate included. */
  static final List<String> HEADINGS =
      List.of(
          "Employee",
          "Employee Code",
          "Email",
          "Manager",
          "Manager Code",
          "Active",
          "Created Date",
          "Invitation",
          "Last Access",
          "Employment Start",
          "Employment End",
          "Last 1-on-1 (12 months)",
          "Last Team Meeting (12 months)",
          "Active Teams",
          "Active Hitchhiker's Guide Teams",
          "Active Strategy and Planning Teams",
          "Active Stars Only Teams",
          "Active Division  Teams",
          "Active Division  Teams",
          "Current Position",
          "Position History",
          "Leave History",
          "Gender",
          "Home Address",
          "State",
          "Nickname",
          "Relevant links",
          "Mentor",
          "Sparkle Factor",
          "D.O.B",
          "Security training");

  static final List<Name> FIRST_NAMES =
      names(
          "Ada:ada",
          "Ari:ari",
          "Al:al",
          "José:jose",
          "Zoë:zoe",
          "Björn:bjorn",
          "Łukasz:lukasz",
          "Siobhán:siobhan",
          "François:francois",
          "Ngozi:ngozi",
          "Aroha:aroha",
          "Søren:soren",
          "Mei:mei",
          "Yuki:yuki",
          "Amélie:amelie",
          "İlkay:ilkay",
          "Dmitri:dmitri",
          "Priya:priya",
          "Kofi:kofi",
          "Chloé:chloe",
          "Tāne:tane",
          "Inés:ines",
          "Mateus:mateus",
          "Grace:grace");

  static final List<Name> LAST_NAMES =
      names(
          "Moreno:moreno",
          "Walsh:walsh",
          "Finch:finch",
          "Müller:mueller",
          "García:garcia",
          "Ó Súilleabháin:osuilleabhain",
          "Nguyễn:nguyen",
          "Kowalczyk:kowalczyk",
          "Okafor:okafor",
          "Østergaard:ostergaard",
          "Dubois:dubois",
          "Tanaka:tanaka",
          "O'Neil:oneil",
          "van der Berg:vanderberg",
          "Şahin:sahin",
          "Ngata:ngata",
          "Smith:smith",
          "Lê:le");

  static final List<Name> CJK_NAMES =
      names(
          "王芳:wang.fang",
          "李伟:li.wei",
          "佐藤 花子:sato.hanako",
          "김민준:kim.minjun",
          "田中 太郎:tanaka.taro",
          "陈静:chen.jing");

  static final List<Manager> MANAGERS =
      List.of(
          new Manager("Jo Fly", "RTYUIOP"),
          new Manager("Mia Chen", "QWERTYU"),
          new Manager("Renée Dupont", "ASDFGHJ"),
          new Manager("Kenji Sato", "ZXCVBNM"),
          new Manager("Olu Adeyemi", "POIUYTR"),
          new Manager("陈明", "MNBVCXZ"));

  static final List<String> TEAMS =
      List.of(
          "Nat. Team Co-ordinators",
          "Construction",
          "North, East & West",
          "Finance",
          "The \"A\" Team",
          "Product & Design",
          "Équipe Montréal",
          "Night Shift");

  static final List<String> GUIDE_TEAMS = List.of("Towel Bearers", "Deep Thought Operators");

  static final List<String> POSITIONS =
      List.of(
          "Mechanical Plant Engineer",
          "Site Supervisor",
          "Payroll Officer",
          "Engineer, Senior",
          "Head of People & Culture",
          "Data Analyst",
          "Chief \"Happiness\" Officer",
          "Développeuse logiciel",
          "Safety Lead",
          "Graduate");

  static final List<String> LEAVE_TYPES =
      List.of("Annual Leave", "Sick Leave", "Parental Leave", "Long Service Leave");

  static final List<String> GENDERS = List.of("Female", "Male", "Non-binary", "Not stated");

  static final List<String> STREETS =
      List.of(
          "Rue de l'Église, Montréal",
          "George St, Sydney",
          "Königsallee, Düsseldorf",
          "Queen St, Auckland",
          "Calle Mayor, Madrid");

  static final List<String> STATES =
      List.of("NSW", "VIC", "QLD", "WA", "SA", "TAS", "Île-de-France", "Bayern", "Ontario");

  static final List<String> NICKNAMES =
      List.of(
          "Ace 🚀",
          "Sunny ☀️",
          "Chef 👩‍🍳",
          "The \"Fixer\"",
          "Doc",
          "Ziggy",
          "Kiwi 🥝",
          "Boss, Jr.");

  static final List<String> MONTHS =
      List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

  private PeopleVocabulary() {}

  private static List<Name> names(String... pairs) {
    return Arrays.stream(pairs)
        .map(pair -> pair.split(":", 2))
        .map(parts -> new Name(parts[0], parts[1]))
        .toList();
  }
}
