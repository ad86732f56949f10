"""int8 weight quantisation of an ONNX BERT written with the onnx package alone (no onnxruntime tools).

Every MatMul whose second input is a constant 2-D weight W (in, out) becomes ONNX Runtime's dynamic-quantisation
pattern, which its graph optimiser fuses into a single integer MatMul:

    x_q, x_scale, x_zero = DynamicQuantizeLinear(x)          (uint8 activations, per tensor, at run time)
    y = Cast(MatMulInteger(x_q, W_q, x_zero, 0), float) * (x_scale * w_scale)

with W_q = round(W / w_scale) in int8, symmetric, one scale for the whole matrix (w_scale = max|W| / 127).
The word-embedding table (the largest tensor) is stored as int8 rows with one scale per row and rescaled after the
lookup. Position and token-type embeddings, LayerNorms, biases, softmax and the attention products stay fp32.
"""
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def quantize(src, dst):
    model = onnx.load(src)
    g = model.graph
    init = {i.name: i for i in g.initializer}
    nodes = []
    new_init = []
    done = 0
    for n in g.node:
        if n.op_type == "MatMul" and n.input[1] in init:
            w = numpy_helper.to_array(init[n.input[1]])
            if w.ndim == 2:
                scale = max(float(np.abs(w).max()), 1e-8) / 127.0
                wq = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
                base = n.input[1].replace(":", "_").replace(".", "_") + "_q%d" % done
                new_init += [numpy_helper.from_array(wq, base + "_w"),
                             numpy_helper.from_array(np.array(scale, dtype=np.float32), base + "_ws"),
                             numpy_helper.from_array(np.array(0, dtype=np.int8), base + "_wz")]
                x = n.input[0]
                nodes += [
                    helper.make_node("DynamicQuantizeLinear", [x], [base + "_xq", base + "_xs", base + "_xz"]),
                    helper.make_node("MatMulInteger", [base + "_xq", base + "_w", base + "_xz", base + "_wz"],
                                     [base + "_yi"]),
                    helper.make_node("Cast", [base + "_yi"], [base + "_yf"], to=TensorProto.FLOAT),
                    helper.make_node("Mul", [base + "_xs", base + "_ws"], [base + "_s"]),
                    helper.make_node("Mul", [base + "_yf", base + "_s"], [n.output[0]]),
                ]
                done += 1
                continue
        if n.op_type == "Gather" and n.input[0] in init:
            table = numpy_helper.to_array(init[n.input[0]])
            if table.ndim == 2 and table.shape[0] >= 1000:
                # A large embedding table: int8 rows, each with its own scale, gathered then rescaled.
                scales = np.maximum(np.abs(table).max(axis=1, keepdims=True), 1e-8) / 127.0
                tq = np.clip(np.round(table / scales), -127, 127).astype(np.int8)
                base = n.input[0].replace(":", "_").replace(".", "_") + "_q%d" % done
                new_init += [numpy_helper.from_array(tq, base + "_t"),
                             numpy_helper.from_array(scales.astype(np.float32), base + "_s")]
                ids = n.input[1]
                nodes += [
                    helper.make_node("Gather", [base + "_t", ids], [base + "_g"], axis=0),
                    helper.make_node("Gather", [base + "_s", ids], [base + "_gs"], axis=0),
                    helper.make_node("Cast", [base + "_g"], [base + "_gf"], to=TensorProto.FLOAT),
                    helper.make_node("Mul", [base + "_gf", base + "_gs"], [n.output[0]]),
                ]
                done += 1
                continue
        nodes.append(n)
    used = {i for n in nodes for i in n.input}
    keep = [i for i in g.initializer if i.name in used]
    del g.node[:]
    g.node.extend(nodes)
    del g.initializer[:]
    g.initializer.extend(keep + new_init)
    onnx.checker.check_model(model)
    onnx.save(model, dst)
    return done
