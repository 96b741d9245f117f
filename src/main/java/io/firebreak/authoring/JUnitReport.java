package io.firebreak.authoring;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Rule test results as JUnit XML, the Ant/Surefire shape Jenkins' {@code junit} step, GitLab and most CI
 * read: {@code <testsuites>}, a {@code <testsuite>} per fixture file, a {@code <testcase>} per
 * expectation (named with its rule id, classname {@code rules.tests.<fixture>}), {@code <failure>} for a
 * miss and {@code <error>} for a fixture that could not run. The StAX writer does the escaping.
 */
public final class JUnitReport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private JUnitReport() {}

    public static void write(Path file, List<TestResult> results, Instant when) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "firebreak rules test");
            x.writeAttribute("tests", String.valueOf(results.stream().mapToLong(JUnitReport::tests).sum()));
            x.writeAttribute("failures", String.valueOf(results.stream().mapToLong(TestResult::failures).sum()));
            x.writeAttribute("errors", String.valueOf(results.stream().mapToLong(JUnitReport::errors).sum()));
            x.writeAttribute("time", seconds(results.stream().mapToDouble(JUnitReport::time).sum()));
            for (TestResult r : results) {
                suite(x, r, when);
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void suite(XMLStreamWriter x, TestResult r, Instant when) throws XMLStreamException {
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", r.suite());
        x.writeAttribute("tests", String.valueOf(tests(r)));
        x.writeAttribute("failures", String.valueOf(r.failures()));
        x.writeAttribute("errors", String.valueOf(errors(r)));
        x.writeAttribute("skipped", "0");
        x.writeAttribute("time", seconds(time(r)));
        x.writeAttribute("timestamp", STAMP.format(when));
        x.writeAttribute("file", r.file());
        String classname = "rules.tests." + r.suite().replace('.', '_');
        if (!r.problems().isEmpty()) {
            x.writeCharacters("\n    ");
            x.writeStartElement("testcase");
            x.writeAttribute("classname", classname);
            x.writeAttribute("name", "fixture: " + r.suite());
            x.writeAttribute("file", r.file());
            x.writeAttribute("time", seconds(r.seconds()));
            x.writeStartElement("error");
            x.writeAttribute("message", r.problems().get(0));
            x.writeAttribute("type", "invalid fixture");
            x.writeCharacters(String.join("\n", r.problems()));
            x.writeEndElement();
            x.writeEndElement();
        }
        for (TestResult.Case c : r.cases()) {
            x.writeCharacters("\n    ");
            x.writeStartElement("testcase");
            x.writeAttribute("classname", classname);
            x.writeAttribute("name", c.name());
            x.writeAttribute("file", r.file());
            if (c.line() > 0) {
                x.writeAttribute("line", String.valueOf(c.line()));
            }
            x.writeAttribute("time", seconds(c.seconds()));
            if (!c.passed()) {
                x.writeStartElement("failure");
                x.writeAttribute("message", c.message());
                x.writeAttribute("type", "expectation");
                x.writeCharacters(c.details() == null ? c.message() : c.message() + "\n" + c.details());
                x.writeEndElement();
            }
            x.writeEndElement();
        }
        if (r.title() != null) {
            x.writeCharacters("\n    ");
            x.writeStartElement("system-out");
            x.writeCharacters(r.title());
            x.writeEndElement();
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }

    private static long tests(TestResult r) {
        return r.cases().size() + (r.problems().isEmpty() ? 0 : 1);
    }

    private static long errors(TestResult r) {
        return r.problems().isEmpty() ? 0 : 1;
    }

    private static double time(TestResult r) {
        return r.seconds() + r.cases().stream().mapToDouble(TestResult.Case::seconds).sum();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
