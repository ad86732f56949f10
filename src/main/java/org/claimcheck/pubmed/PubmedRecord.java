package org.claimcheck.pubmed;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One abstract: a PubMed record, or a document of a JSONL corpus (SciFact, BEIR). This is what the index stores and
 * returns; it carries no parser or index type.
 *
 * @param id the PMID, or the corpus's own {@code doc_id} / {@code _id}
 * @param version the PMID version (1 unless a record was revised)
 * @param sections the abstract: its sections in order (one unlabelled section for an unstructured abstract)
 * @param sentences the abstract's sentences when the source gives them (SciFact) or once the index has split them;
 *     evidence sentence numbers index this list
 * @param pubDate the publication date as PubMed gives it ("2013 Mar 5", "2013 Mar-Apr"), or null
 * @param year the publication year, or null
 * @param mesh MeSH headings
 * @param humans whether the record has the MeSH check tag Humans
 * @param animals whether the record has the MeSH check tag Animals
 * @param retracted whether the record is a retracted publication (publication type or a RetractionIn notice)
 * @param collection where the record comes from: {@link #PUBMED} for PubMed XML and MEDLINE records, {@link #CORPUS}
 *     for documents of a JSONL corpus (their ids are the corpus's own, not PMIDs, so they get no PubMed link)
 */
public record PubmedRecord(
    String id,
    int version,
    String title,
    List<Section> sections,
    List<String> sentences,
    String journal,
    String pubDate,
    Integer year,
    List<String> authors,
    String doi,
    List<MeshHeading> mesh,
    List<String> publicationTypes,
    String language,
    boolean humans,
    boolean animals,
    boolean retracted,
    String collection) {

  /** {@link #collection()} of PubMed XML and MEDLINE records. */
  public static final String PUBMED = "pubmed";
  /** {@link #collection()} of JSONL corpus documents (SciFact, BEIR). */
  public static final String CORPUS = "corpus";

  /** One section of an abstract; {@code label} and {@code category} (NlmCategory) are null when unlabelled. */
  public record Section(String label, String category, String text) {
    public Section {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A MeSH heading: descriptor, whether it is a major topic, and its qualifiers. */
  public record MeshHeading(String descriptor, boolean major, List<String> qualifiers) {
    public MeshHeading {
      Objects.requireNonNull(descriptor, "descriptor");
      qualifiers = List.copyOf(qualifiers);
    }
  }

  public PubmedRecord {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a record needs an id");
    }
    title = title == null ? "" : title;
    sections = List.copyOf(sections);
    sentences = List.copyOf(sentences);
    authors = List.copyOf(authors);
    mesh = List.copyOf(mesh);
    publicationTypes = List.copyOf(publicationTypes);
    collection = collection == null || collection.isBlank() ? PUBMED : collection;
  }

  /** A PubMed record (collection {@link #PUBMED}). */
  public PubmedRecord(String id, int version, String title, List<Section> sections, List<String> sentences,
      String journal, String pubDate, Integer year, List<String> authors, String doi, List<MeshHeading> mesh,
      List<String> publicationTypes, String language, boolean humans, boolean animals, boolean retracted) {
    this(id, version, title, sections, sentences, journal, pubDate, year, authors, doi, mesh, publicationTypes,
        language, humans, animals, retracted, PUBMED);
  }

  /** The abstract as one text: the sections' texts, labelled sections prefixed by their label. */
  public String abstractText() {
    if (sections.isEmpty()) {
      return String.join(" ", sentences);
    }
    return sections.stream()
        .map(s -> s.label() == null || s.label().isBlank() ? s.text() : s.label() + ": " + s.text())
        .collect(Collectors.joining(" "));
  }

  /** Whether the record has anything to search beyond its title. */
  public boolean hasAbstract() {
    return !sections.isEmpty() || !sentences.isEmpty();
  }

  /** This record with {@code sentences} set (after the index split the abstract). */
  public PubmedRecord withSentences(List<String> newSentences) {
    return new PubmedRecord(id, version, title, sections, newSentences, journal, pubDate, year, authors, doi, mesh,
        publicationTypes, language, humans, animals, retracted, collection);
  }

  /**
   * Where each sentence lies in the sections, in order: section index and offset in its text of sentence i at 2i and
   * 2i + 1 (one flat array: the index computes this for every record it stores), or null when
   * there are no sentences or sections, or the sentences are not pieces of the sections in order (a corpus's own
   * sentence list). The index stores sentences as these spans; the API labels them with their sections.
   */
  public int[] sentencePlaces() {
    if (sentences.isEmpty() || sections.isEmpty()) {
      return null;
    }
    int[] out = new int[sentences.size() * 2];
    int section = 0;
    int from = 0;
    for (int i = 0; i < sentences.size(); i++) {
      String s = sentences.get(i);
      int at = -1;
      while (section < sections.size()) {
        at = sections.get(section).text().indexOf(s, from);
        if (at >= 0) {
          break;
        }
        section++;
        from = 0;
      }
      if (at < 0) {
        return null;
      }
      out[2 * i] = section;
      out[2 * i + 1] = at;
      from = at + s.length();
    }
    return out;
  }

  /** The record's PubMed page, or null for corpus documents (their ids are not PMIDs). */
  public String pubmedUrl() {
    return PUBMED.equals(collection) && id.matches("\\d{1,9}") ? "https://pubmed.ncbi.nlm.nih.gov/" + id + "/" : null;
  }
}
