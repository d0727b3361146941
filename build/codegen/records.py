#!/usr/bin/env python3
"""Generates ecs4j's immutable model records with builders from compact specs.

Used once to write the initial records; the generated sources are committed and edited by hand afterwards.
Spec line: <type> <name> [= default] [! required] // doc
"""
import re, sys, os

HEADER = "package {pkg};\n\n{imports}\n"

def parse(spec):
    fields = []
    for line in spec.strip().splitlines():
        line = line.strip()
        if not line: continue
        doc = ""
        if "//" in line:
            line, doc = line.split("//", 1)
            line, doc = line.strip(), doc.strip()
        required = line.endswith("!")
        if required: line = line[:-1].strip()
        default = None
        if "=" in line:
            line, default = line.split("=", 1)
            line, default = line.strip(), default.strip()
        typ, name = line.rsplit(" ", 1)
        fields.append(dict(type=typ.strip(), name=name.strip(), doc=doc, required=required, default=default))
    return fields

def kind(t):
    if t.startswith("List<"): return "list"
    if t.startswith("Set<"): return "set"
    if t.startswith("Map<"): return "map"
    return "scalar"

def elem(t):
    return t[t.index("<")+1:-1]

PRIMS = {"int","long","boolean","double"}

def gen(pkg, name, doc, spec, builder=True, extra="", imports_extra=()):
    fields = parse(spec)
    imports = {"java.util.Objects"}
    for f in fields:
        k = kind(f["type"])
        if k == "list": imports.update({"java.util.List", "java.util.ArrayList"})
        if k == "set": imports.update({"java.util.Set", "java.util.LinkedHashSet", "java.util.Collections"})
        if k == "map": imports.update({"java.util.Map", "java.util.LinkedHashMap", "java.util.Collections"})
        if "Instant" in f["type"]: imports.add("java.time.Instant")
        if "Duration" in f["type"]: imports.add("java.time.Duration")
    imports.update(imports_extra)
    imp = "\n".join("import %s;" % i for i in sorted(imports))
    out = [HEADER.format(pkg=pkg, imports=imp)]
    out.append("/**\n * " + doc.replace("\n", "\n * ") + "\n *\n * <p>Immutable" + ("; build with {@link #builder()}" if builder else "") + ". Lists and maps are unmodifiable and never null.\n *")
    for f in fields:
        d = f["doc"] or f["name"]
        out.append(" * @param %s %s" % (f["name"], d))
    out.append(" */")
    comps = ",\n        ".join("%s %s" % (f["type"], f["name"]) for f in fields)
    out.append("public record %s(\n        %s) {\n" % (name, comps))
    # compact ctor
    body = []
    for f in fields:
        k = kind(f["type"]); n = f["name"]
        if f["required"]:
            body.append('        Objects.requireNonNull(%s, "%s");' % (n, n))
        if k == "list":
            body.append("        %s = %s == null ? List.of() : List.copyOf(%s);" % (n, n, n))
        elif k == "set":
            body.append("        %s = %s == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(%s));" % (n, n, n))
        elif k == "map":
            body.append("        %s = %s == null || %s.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(%s));" % (n, n, n, n))
    out.append("    public %s {\n%s\n    }\n" % (name, "\n".join(body)))
    if extra:
        out.append(extra)
    if builder:
        out.append("    /** A new builder with every component unset (or at its documented default). */\n    public static Builder builder() {\n        return new Builder();\n    }\n")
        tb = "\n".join("        b.%s = %s;" % (f["name"], f["name"]) for f in fields)
        out.append("    /** A builder holding this record's values. */\n    public Builder toBuilder() {\n        Builder b = new Builder();\n%s\n        return b;\n    }\n" % tb)
        out.append("    /** Builds a {@link %s}. Not thread-safe. */\n    public static final class Builder {" % name)
        for f in fields:
            k = kind(f["type"])
            init = ""
            if f["default"] is not None: init = " = " + f["default"]
            elif k == "list": init = " = List.of()"
            elif k == "map": init = " = Map.of()"
            elif k == "set": init = " = Set.of()"
            out.append("        private %s %s%s;" % (f["type"], f["name"], init))
        out.append("\n        private Builder() {\n        }\n")
        for f in fields:
            t, n = f["type"], f["name"]
            d = f["doc"] or n
            out.append("        /** Sets {@code %s}: %s. */\n        public Builder %s(%s %s) {\n            this.%s = %s;\n            return this;\n        }\n" % (n, d.rstrip("."), n, t, n, n, n))
            if kind(t) == "list":
                e = elem(t)
                out.append("        /** Sets {@code %s}. */\n        public Builder %s(%s... %s) {\n            this.%s = List.of(%s);\n            return this;\n        }\n" % (n, n, e, n, n, n))
        out.append("        /** Builds the record. */\n        public %s build() {\n            return new %s(%s);\n        }\n    }" % (name, name, ", ".join(f["name"] for f in fields)))
    out.append("}\n")
    return "\n".join(out)

if __name__ == "__main__":
    pass
