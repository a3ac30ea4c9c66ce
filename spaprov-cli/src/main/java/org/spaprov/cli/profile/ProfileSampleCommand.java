package org.spaprov.cli.profile;

import org.spaprov.cli.BaseCommand;
import org.spaprov.cli.Cli;
import org.spaprov.cli.options.ModelOption;
import org.spaprov.cli.options.OutputOption;
import org.spaprov.profile.catalog.Catalog;
import org.spaprov.profile.catalog.ParamType;
import org.spaprov.profile.text.TextProfileWriter;
import org.spaprov.profile.xml.XmlProfileWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spaprov profile sample}: every parameter of a model with its factory default and user
 * access, as {@code spc --sample-xml} / {@code spc --sample-profile} write them. The text sample
 * lists the choices of each choice parameter in a trailing comment, as the guide's Appendix C does
 * ({@code Default_Ring[1] ! "1" ; # options: 1/2/...}); the XML sample has no comments.
 */
@Command(name = "sample",
        description = {"Write a full sample profile of a model.", "",
                "Every parameter of the model with its factory default and user-access mark, like 'spc --sample-xml' "
                        + "/ 'spc --sample-profile'. The text sample lists a choice parameter's values as "
                        + "'# options: a/b/c'."},
        mixinStandardHelpOptions = true,
        exitCodeList = {"0:written", "1:output not writable", "2:usage error (bad option, unknown model)"},
        footer = {"  spaprov profile sample --model spa2102 --format xml",
                "  spaprov profile sample --model spa3102 --format text -o spa3102.txt",
                "  spaprov profile sample --model spa2102 --format xml --groups -o spacfg.xml"})
public final class ProfileSampleCommand extends BaseCommand {
    enum Format { xml, text }

    @Mixin
    ModelOption model;

    @Option(names = "--format", required = true, paramLabel = "xml|text", description = "Output format.")
    Format format;

    @Option(names = "--groups", description = "XML only: add group=\"Page/Section\" attributes, as a device's spacfg.xml.")
    boolean groups;

    @Mixin
    OutputOption out;

    @Override
    public Integer call() {
        Catalog c = model.catalog();
        String text = format == Format.xml
                ? XmlProfileWriter.write(c.defaults(), groups ? c::groupOf : name -> null)
                : TextProfileWriter.write(c.defaults(), c::textName, name -> optionsComment(c, name));
        out.write(text, out());
        return Cli.OK;
    }

    /** {@code options: a/b/c} for a choice parameter (the guide's Appendix C style), else null. */
    static String optionsComment(Catalog c, String xmlName) {
        return c.byXml(xmlName)
                .map(def -> def.type() instanceof ParamType.Choice choice
                        ? "options: " + String.join("/", choice.choices()) : null)
                .orElse(null);
    }
}
