# Writes a tiny sentence-embedding model in the layout @huggingface/transformers loads from a local
# folder (config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx): a word-level
# tokenizer and an ONNX graph that looks up one 4-dimensional vector per token, masked by the
# attention mask. Words about fire share one direction, words about water another, so a test can
# tell a working pipeline (tokenize, run ONNX, mean-pool, normalise) from a broken one.
# Usage: python3 tiny-sentence-model.py <folder>   (needs the onnx package: Debian python3-onnx)
import json, os, sys
import onnx
from onnx import TensorProto, helper

out = sys.argv[1]
os.makedirs(os.path.join(out, 'onnx'), exist_ok=True)
vocab = ['[PAD]', '[UNK]', 'fire', 'flame', 'burn', 'water', 'swim', 'drown', 'the', 'a']
vectors = [
    [0, 0, 0, 0], [0, 0, 0, 1],
    [1, 0.1, 0, 0], [0.9, 0.2, 0, 0], [0.8, 0, 0.1, 0],
    [0, 1, 0.1, 0], [0.1, 0.9, 0, 0], [0, 0.8, 0.2, 0],
    [0.05, 0.05, 0.05, 0.05], [0.05, 0.05, 0.05, 0.05],
]
table = helper.make_tensor('embeddings', TensorProto.FLOAT, [len(vocab), 4], [x for v in vectors for x in v])
nodes = [
    helper.make_node('Gather', ['embeddings', 'input_ids'], ['looked_up']),
    helper.make_node('Cast', ['attention_mask'], ['mask_f'], to=TensorProto.FLOAT),
    helper.make_node('Unsqueeze', ['mask_f', 'axes'], ['mask_3d']),
    helper.make_node('Mul', ['looked_up', 'mask_3d'], ['last_hidden_state']),
]
axes = helper.make_tensor('axes', TensorProto.INT64, [1], [2])
graph = helper.make_graph(
    nodes, 'tiny-sentence-model',
    [helper.make_tensor_value_info('input_ids', TensorProto.INT64, ['batch', 'seq']),
     helper.make_tensor_value_info('attention_mask', TensorProto.INT64, ['batch', 'seq'])],
    [helper.make_tensor_value_info('last_hidden_state', TensorProto.FLOAT, ['batch', 'seq', 4])],
    [table, axes],
)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 13)])
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, os.path.join(out, 'onnx', 'model.onnx'))

json.dump({'model_type': 'bert', 'hidden_size': 4, 'num_attention_heads': 1, 'num_hidden_layers': 0, 'vocab_size': len(vocab)}, open(os.path.join(out, 'config.json'), 'w'))
json.dump({'tokenizer_class': 'BertTokenizer', 'model_max_length': 64, 'do_lower_case': True, 'unk_token': '[UNK]', 'pad_token': '[PAD]'}, open(os.path.join(out, 'tokenizer_config.json'), 'w'))
json.dump({
    'version': '1.0', 'truncation': None, 'padding': None,
    'added_tokens': [{'id': 0, 'content': '[PAD]', 'single_word': False, 'lstrip': False, 'rstrip': False, 'normalized': False, 'special': True},
                     {'id': 1, 'content': '[UNK]', 'single_word': False, 'lstrip': False, 'rstrip': False, 'normalized': False, 'special': True}],
    'normalizer': {'type': 'Lowercase'},
    'pre_tokenizer': {'type': 'Whitespace'},
    'post_processor': None,
    'decoder': None,
    'model': {'type': 'WordLevel', 'vocab': {w: i for i, w in enumerate(vocab)}, 'unk_token': '[UNK]'},
}, open(os.path.join(out, 'tokenizer.json'), 'w'))
