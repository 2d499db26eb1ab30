import Foundation
import Document

/// The document model as JSON (`pvyield convert -t json`): every node an
/// object with `t` (its type) and its fields, like pandoc's JSON but with
/// named fields. Keys are sorted, so output is deterministic.
public enum DocumentJSONWriter {
    public static let formatVersion = "pvyield-document/1"

    public static func json(_ document: Document) -> String {
        let object: [String: Any] = ["format": formatVersion, "meta": document.meta, "blocks": document.blocks.map(block)]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func attr(_ a: Attr?) -> [String: Any] {
        guard let a else { return [:] }
        var o: [String: Any] = [:]
        if !a.id.isEmpty { o["id"] = a.id }
        if !a.classes.isEmpty { o["classes"] = a.classes }
        if !a.attributes.isEmpty { o["attributes"] = a.attributes.map { [$0.key, $0.value] } }
        if let s = a.source { o["source"] = "\(s)" }
        return o
    }

    static func block(_ b: Block) -> [String: Any] {
        var o: [String: Any]
        switch b {
        case .heading(let level, let c, _): o = ["t": "Heading", "level": level, "content": c.map(inline)]
        case .paragraph(let c, _): o = ["t": "Para", "content": c.map(inline)]
        case .codeBlock(let s, _): o = ["t": "CodeBlock", "text": s]
        case .preformatted(let c, _): o = ["t": "Preformatted", "content": c.map(inline)]
        case .bulletList(let items, _): o = ["t": "BulletList", "items": items.map { $0.map(block) }]
        case .orderedList(let items, _): o = ["t": "OrderedList", "items": items.map { $0.map(block) }]
        case .definitionList(let items, _):
            o = ["t": "DefinitionList", "items": items.map { ["term": $0.term.map(inline), "definitions": $0.definitions.map { $0.map(block) }] }]
        case .blockQuote(let c, _): o = ["t": "BlockQuote", "content": c.map(block)]
        case .horizontalRule: o = ["t": "HorizontalRule"]
        case .table(let t):
            o = ["t": "Table", "caption": t.caption.map { $0.map(inline) } ?? [],
                 "rows": t.rows.map { row in ["attr": attr(row.attr), "cells": row.cells.map { ["header": $0.isHeader, "attr": attr($0.attr), "content": $0.content.map(block)] }] }]
        case .div(let name, let c, _): o = ["t": "Div", "name": name, "content": c.map(block)]
        case .template(let t, _): o = ["t": "Template"].merging(template(t)) { a, _ in a }
        case .raw(let format, let text): o = ["t": "RawBlock", "format": format, "text": text]
        }
        let a = attr(b.attr)
        if !a.isEmpty { o["attr"] = a }
        return o
    }

    static func template(_ t: Template) -> [String: Any] {
        ["name": t.name, "source": t.source,
         "arguments": t.arguments.map { arg -> [String: Any] in arg.name.map { ["name": $0, "value": arg.value] } ?? ["value": arg.value] }]
    }

    static func inline(_ i: Inline) -> [String: Any] {
        switch i {
        case .text(let s): return ["t": "Text", "text": s]
        case .emphasis(let c): return ["t": "Emph", "content": c.map(inline)]
        case .strong(let c): return ["t": "Strong", "content": c.map(inline)]
        case .code(let s, let a): return ["t": "Code", "text": s, "attr": attr(a)]
        case .link(let l):
            var o: [String: Any] = ["t": "Link", "kind": l.kind.rawValue, "target": l.target, "content": l.content.map(inline)]
            if let f = l.fragment { o["fragment"] = f }
            return o
        case .lineBreak: return ["t": "LineBreak"]
        case .span(let name, let c, let a): return ["t": "Span", "name": name, "content": c.map(inline), "attr": attr(a)]
        case .template(let t): return ["t": "Template"].merging(template(t)) { a, _ in a }
        case .raw(let format, let text): return ["t": "Raw", "format": format, "text": text]
        }
    }
}
