import Document
import Testing
@testable import Wiki

/// The tree dump (without source ranges) of a wikitext, for exact-output tests.
func wikitextTree(_ text: String) -> String {
    TreeDump.dump(WikitextReader.read(text), showSource: false)
}
