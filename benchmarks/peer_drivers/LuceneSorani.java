// Peer driver for Apache Lucene's Sorani analysis (Debian liblucene8-java), compiled at bench
// time by benchmarks/peers_core.py. Calls only Lucene's public API.
//
//   java LuceneSorani bench UNITS_FILE MIN_SECONDS [cpu|wall]
//       times three chains over the units (one a line), inside the JVM: a first pass (JIT
//       warm-up), then repeated passes until MIN_SECONDS; prints one JSON line. The clock is
//       this thread's CPU time (default; JIT and GC threads are not counted) or wall time.
//   java LuceneSorani words IN_FILE OUT_FILE
//       SoraniNormalizer.normalize on each line (one word a line), written to OUT_FILE.
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.analysis.ckb.SoraniNormalizationFilter;
import org.apache.lucene.analysis.ckb.SoraniNormalizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

public class LuceneSorani {

  static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  static boolean cpuClock = true;

  static long now() {
    return cpuClock ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  static List<String> readLines(String path) throws IOException {
    return Files.readAllLines(Paths.get(path), StandardCharsets.UTF_8);
  }

  static long pass(Analyzer analyzer, List<String> units) throws IOException {
    long tokens = 0;
    for (String unit : units) {
      try (TokenStream ts = analyzer.tokenStream("f", unit)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          tokens += term.length() > 0 ? 1 : 0;
        }
        ts.end();
      }
    }
    return tokens;
  }

  static String time(String name, Analyzer analyzer, List<String> units, double minSeconds)
      throws IOException {
    long t0 = now();
    long tokens = pass(analyzer, units);  // first pass: JIT warm-up
    double first = (now() - t0) / 1e9;
    int rounds = 0;
    double elapsed = 0;
    while (rounds == 0 || elapsed < minSeconds) {
      long t = now();
      pass(analyzer, units);
      elapsed += (now() - t) / 1e9;
      rounds++;
    }
    return String.format(Locale.ROOT,
        "\"%s\": {\"first_s\": %.6f, \"seconds\": %.6f, \"rounds\": %d, \"n_out\": %d}",
        name, first, elapsed / rounds, rounds, tokens);
  }

  public static void main(String[] args) throws IOException {
    if (args.length >= 3 && args[0].equals("bench")) {
      List<String> units = readLines(args[1]);
      double minSeconds = Double.parseDouble(args[2]);
      cpuClock = args.length < 4 || !args[3].equals("wall");
      Analyzer normalize = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
          Tokenizer source = new WhitespaceTokenizer();
          return new TokenStreamComponents(source, new SoraniNormalizationFilter(source));
        }
      };
      Analyzer tokenize = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
          Tokenizer source = new StandardTokenizer();
          return new TokenStreamComponents(source);
        }
      };
      Analyzer chain = new SoraniAnalyzer();
      List<String> parts = new ArrayList<>();
      parts.add(time("normalize", normalize, units, minSeconds));
      parts.add(time("tokenize", tokenize, units, minSeconds));
      parts.add(time("analyzer", chain, units, minSeconds));
      System.out.println("{" + String.join(", ", parts) + "}");
    } else if (args.length >= 3 && args[0].equals("words")) {
      SoraniNormalizer normalizer = new SoraniNormalizer();
      try (BufferedWriter out = Files.newBufferedWriter(Paths.get(args[2]), StandardCharsets.UTF_8)) {
        for (String word : readLines(args[1])) {
          char[] s = word.toCharArray();
          int len = normalizer.normalize(s, s.length);
          out.write(s, 0, len);
          out.write('\n');
        }
      }
      System.out.println("{\"ok\": true}");
    } else {
      System.err.println("usage: LuceneSorani bench UNITS_FILE MIN_SECONDS | words IN OUT");
      System.exit(2);
    }
  }
}
