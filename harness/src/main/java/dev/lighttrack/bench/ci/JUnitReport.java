package dev.lighttrack.bench.ci;

import dev.lighttrack.bench.files.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The check as JUnit XML, which CI servers read: one {@code testsuite}, one {@code testcase} per device × backend
 * × model; a regression is a {@code failure}, an inconclusive check an {@code error} (neither a silent pass), with
 * the numbers in the message.
 */
public final class JUnitReport {
    private JUnitReport() {
    }

    public static void write(CiCheckReport report, double seconds, Path file) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suite = doc.createElement("testsuite");
            doc.appendChild(suite);
            long failures = report.devices().stream().filter(d -> d.decision() == Decision.REGRESSION).count();
            long errors = report.devices().stream().filter(d -> d.decision() == Decision.INCONCLUSIVE).count();
            suite.setAttribute("name", "bench ci check");
            suite.setAttribute("tests", Integer.toString(report.devices().size()));
            suite.setAttribute("failures", Long.toString(failures));
            suite.setAttribute("errors", Long.toString(errors));
            suite.setAttribute("time", String.format(Locale.ROOT, "%.3f", seconds));
            for (CiCheckReport.DeviceCheck d : report.devices()) {
                Element tc = doc.createElement("testcase");
                tc.setAttribute("classname", "bench.ci." + d.profile() + "." + d.backend());
                tc.setAttribute("name", d.device() + " " + d.backend() + " " + d.precision() + " " + d.model());
                String message = message(report, d);
                if (d.decision() == Decision.REGRESSION || d.decision() == Decision.INCONCLUSIVE) {
                    Element f = doc.createElement(d.decision() == Decision.REGRESSION ? "failure" : "error");
                    f.setAttribute("message", message);
                    f.setAttribute("type", d.decision().label());
                    f.setTextContent(message);
                    tc.appendChild(f);
                } else {
                    Element out = doc.createElement("system-out");
                    out.setTextContent(message);
                    tc.appendChild(out);
                }
                suite.appendChild(tc);
            }
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(bytes));
            AtomicFiles.write(file, bytes.toByteArray());
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    /** One line with the numbers: the decision, both medians with intervals, the ratio with its interval, p. */
    public static String message(CiCheckReport report, CiCheckReport.DeviceCheck d) {
        Comparison c = d.confirmation() != null ? d.confirmation() : d.first();
        return String.format(Locale.ROOT, "%s on %s %s: treatment p50 %.3f ms %s vs control %.3f ms %s, ratio %.4f %s "
                        + "over %d rounds, threshold %.1f%%, p %.3g (%s)%s", d.decision().label(), d.device(),
                d.backend(), c.treatmentP50Us() / 1000, ms(c.treatmentCiUs()), c.controlP50Us() / 1000,
                ms(c.controlCiUs()), c.ratio(), interval(c.ratioCi()), c.rounds(), c.thresholdPct(),
                c.p(), c.test(), d.note() == null ? "" : "; " + d.note());
    }

    private static String ms(java.util.List<Double> ci) {
        return ci == null ? "(no CI)" : String.format(Locale.ROOT, "[%.3f, %.3f]", ci.get(0) / 1000, ci.get(1) / 1000);
    }

    private static String interval(java.util.List<Double> ci) {
        return ci == null ? "(no CI: too few rounds)" : String.format(Locale.ROOT, "[%.4f, %.4f]", ci.get(0), ci.get(1));
    }
}
