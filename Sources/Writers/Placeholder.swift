// Writers of the document model (HTML, CommonMark) live here.
