"""BERT WordPiece tokenizer reading a Hugging Face tokenizer.json (BertNormalizer with lowercase, BertPreTokenizer,
WordPiece with "##" continuations). The Java twin is org.claimcheck.encoder.WordPieceTokenizer; both follow the same
rules and are checked against the same fixture ids."""
import json
import unicodedata

CLAIM_MAX = 48  # claim tokens kept in a pair; the sentence fills the rest up to max_len


class WordPiece:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            t = json.load(f)
        self.vocab = t["model"]["vocab"]
        self.unk = self.vocab[t["model"]["unk_token"]]
        self.max_chars = t["model"].get("max_input_chars_per_word", 100)
        self.cls = self.vocab["[CLS]"]
        self.sep = self.vocab["[SEP]"]
        self.pad = self.vocab["[PAD]"]

    @staticmethod
    def _is_punct(c):
        cp = ord(c)
        if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
            return True
        return unicodedata.category(c).startswith("P")

    @staticmethod
    def _is_cjk(cp):
        return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
                or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
                or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)

    def normalize(self, text):
        out = []
        for c in text:
            cp = ord(c)
            if cp == 0 or cp == 0xFFFD:
                continue
            cat = unicodedata.category(c)
            if c in "\t\n\r" or cat == "Zs" or c.isspace():
                out.append(" ")
                continue
            if cat in ("Cc", "Cf", "Cs", "Co", "Cn"):
                continue
            if self._is_cjk(cp):
                out.append(" " + c + " ")
                continue
            out.append(c)
        s = "".join(out).lower()
        s = unicodedata.normalize("NFD", s)
        return "".join(c for c in s if unicodedata.category(c) != "Mn")

    def words(self, text):
        words = []
        cur = []
        for c in self.normalize(text):
            if c.isspace():
                if cur:
                    words.append("".join(cur))
                    cur = []
            elif self._is_punct(c):
                if cur:
                    words.append("".join(cur))
                    cur = []
                words.append(c)
            else:
                cur.append(c)
        if cur:
            words.append("".join(cur))
        return words

    def tokenize(self, text):
        ids = []
        for w in self.words(text):
            if len(w) > self.max_chars:
                ids.append(self.unk)
                continue
            pieces = []
            start = 0
            ok = True
            while start < len(w):
                end = len(w)
                found = None
                while start < end:
                    sub = w[start:end] if start == 0 else "##" + w[start:end]
                    if sub in self.vocab:
                        found = self.vocab[sub]
                        break
                    end -= 1
                if found is None:
                    ok = False
                    break
                pieces.append(found)
                start = end
            ids.extend(pieces if ok else [self.unk])
        return ids

    def pair(self, claim, sentence, max_len):
        """(input_ids, token_type_ids) for "[CLS] claim [SEP] sentence [SEP]", truncated to max_len tokens."""
        a = self.tokenize(claim)[:CLAIM_MAX]
        b = self.tokenize(sentence)[: max(0, max_len - 3 - len(a))]
        ids = [self.cls] + a + [self.sep] + b + [self.sep]
        types = [0] * (len(a) + 2) + [1] * (len(b) + 1)
        return ids, types
