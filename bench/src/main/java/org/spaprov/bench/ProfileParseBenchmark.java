package org.spaprov.bench;

import com.ctc.wstx.stax.WstxInputFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import com.ctc.wstx.stax.WstxInputFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.spaprov.profile.Finding;
import org.spaprov.profile.Profile;
import org.spaprov.profile.ProfileException;
import org.spaprov.profile.catalog.Catalog;
import org.spaprov.profile.catalog.Catalogs;
import org.spaprov.profile.validate.Validator;
import org.spaprov.profile.xml.XmlProfileReader;
import org.spaprov.profile.xml.XmlProfileWriter;

/**
 * Parse + validate of a full SPA2102 XML profile (the {@code profile sample} output: 702 parameters,
 * every one with {@code ua}) against a bare Woodstox token scan of the same bytes: the scan is the
 * floor any StAX-based reader pays, so the ratio shows what spaprov's reading and checking add.
 * Target: parse + validate within 2× of the scan (issue 2). {@code parseOnly} and
 * {@code validateOnly} split the cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProfileParseBenchmark {
    private byte[] xml;
    private XMLInputFactory factory;
    private Validator validator;
    private Profile parsed;

    @Setup
    public void setup() throws ProfileException {
        Catalog spa2102 = Catalogs.get("spa2102");
        xml = XmlProfileWriter.write(spa2102.defaults()).getBytes(StandardCharsets.UTF_8);
        // The same Woodstox settings as XmlProfileReader, so only the reading and checking differ.
        factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        validator = new Validator(spa2102);
        parsed = XmlProfileReader.read(xml, "sample.xml");
        if (parsed.statements().size() != 702 || !validator.validate(parsed, false).isEmpty()) {
            throw new IllegalStateException("the sample should read as 702 clean statements");
        }
    }

    /** The floor: every StAX token of the document, nothing kept. */
    @Benchmark
    public int woodstoxScan() throws XMLStreamException {
        XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
        int n = 0;
        while (r.hasNext()) {
            n += r.next();
        }
        r.close();
        return n;
    }

    /** What a served profile costs: read into a Profile, then check every statement. */
    @Benchmark
    public List<Finding> parseAndValidate() throws ProfileException {
        return validator.validate(XmlProfileReader.read(xml, "sample.xml"), false);
    }

    @Benchmark
    public Profile parseOnly() throws ProfileException {
        return XmlProfileReader.read(xml, "sample.xml");
    }

    @Benchmark
    public List<Finding> validateOnly() {
        return validator.validate(parsed, false);
    }
}
