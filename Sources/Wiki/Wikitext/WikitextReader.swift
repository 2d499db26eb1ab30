import Document

/// Reads MediaWiki wikitext into a `Document`, following MediaWiki's own parser
/// pass by pass (preprocessor, sanitizer, tables, headings, links, quotes,
/// block levels, HTML tree building) so that what it makes matches what a wiki
/// shows. It never fails: MediaWiki accepts any input. Templates are kept, not
/// expanded. Time is linear in the size of the input.
public enum WikitextReader {
    public static func read(_ text: String) -> Document {
        let original = Array(text.utf8)
        var maps: [OffsetMap] = []
        var buffer = original
        // Each pass writes into the buffer the pass before it read (never into
        // `original`, which source positions need), so the passes share two
        // buffers instead of each faulting in fresh input-sized memory.
        var spare: [UInt8] = []
        var bufferIsOriginal = true
        func step(_ e: Emitter) {
            if !e.map.isIdentity { maps.append(e.map) }
            if !bufferIsOriginal { spare = buffer }
            buffer = e.bytes
            bufferIsOriginal = false
        }
        func takeSpare() -> [UInt8] {
            let s = spare
            spare = []
            return s
        }
        if let cleaned = InputCleanup.run(buffer) { step(cleaned) }
        var pieces = PieceTable()
        step(Preprocessor.run(buffer, pieces: &pieces))
        step(HTMLTagPass.run(buffer, reusing: takeSpare()))
        step(TableSyntax.run(buffer, reusing: takeSpare()))
        step(LineMarkup.run(buffer, reusing: takeSpare()))
        step(InternalLinks.run(buffer, pieces: &pieces, reusing: takeSpare()))
        step(Quotes.run(buffer, reusing: takeSpare()))
        step(ExternalLinks.run(buffer, pieces: &pieces, reusing: takeSpare()))
        step(MagicLinks.run(buffer, pieces: &pieces, reusing: takeSpare()))
        step(BlockLevels.run(buffer, pieces: pieces, reusing: takeSpare()))
        spare = []
        let tree = TreeBuilder.build(buffer, pieces: pieces)
        let starts = SourcePositions(maps: maps, original: original)
        let ends = SourcePositions(maps: maps, original: original, lineStarts: starts.lineStarts)
        var builder = DocumentBuilder(pieces: pieces, tree: tree, startPosition: { starts.position($0) },
                                      endPosition: { ends.position($0) })
        let blocks = builder.blocks(ofRoot: Tree.root)
        return Document(blocks: blocks)
    }
}
