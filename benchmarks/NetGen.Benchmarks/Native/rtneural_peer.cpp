// The RTNeural contender of the peer suite (docs/performance.md): RTNeural's compile-time ModelT on the Eigen
// backend, one instantiation per peer network, loaded with NetGen's parameters from a file the .NET side writes.
// Built by Peers/RTNeuralPeer.cs into a shared library against an RTNeural checkout (RTNEURAL_DIR) and Eigen;
// nothing of RTNeural is part of this repository.
//
// Weights file (little-endian): the int32 layer count L, the L + 1 int32 sizes (input first), then every float32
// parameter in NetGen's layout: W_k [out, in] row-major, then b_k, for k = 1 … L.

#include <RTNeural/RTNeural.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>
#include <vector>

namespace
{
using Model4x8x3 = RTNeural::ModelT<float, 4, 3,
    RTNeural::DenseT<float, 4, 8>, RTNeural::TanhActivationT<float, 8>,
    RTNeural::DenseT<float, 8, 3>, RTNeural::SoftmaxActivationT<float, 3>>;

using Model16x64x64x1 = RTNeural::ModelT<float, 16, 1,
    RTNeural::DenseT<float, 16, 64>, RTNeural::TanhActivationT<float, 64>,
    RTNeural::DenseT<float, 64, 64>, RTNeural::TanhActivationT<float, 64>,
    RTNeural::DenseT<float, 64, 1>>;

using Model784x128x10 = RTNeural::ModelT<float, 784, 10,
    RTNeural::DenseT<float, 784, 128>, RTNeural::ReLuActivationT<float, 128>,
    RTNeural::DenseT<float, 128, 10>, RTNeural::SoftmaxActivationT<float, 10>>;

using Model784x256x128x10 = RTNeural::ModelT<float, 784, 10,
    RTNeural::DenseT<float, 784, 256>, RTNeural::ReLuActivationT<float, 256>,
    RTNeural::DenseT<float, 256, 128>, RTNeural::ReLuActivationT<float, 128>,
    RTNeural::DenseT<float, 128, 10>, RTNeural::SoftmaxActivationT<float, 10>>;

// Sets one dense layer from NetGen's parameters at `offset`, and moves `offset` past them.
template <typename Dense>
void SetDense(Dense& dense, const std::vector<float>& parameters, size_t& offset)
{
    std::vector<std::vector<float>> weights(Dense::out_size, std::vector<float>(Dense::in_size));
    for(int j = 0; j < Dense::out_size; ++j)
        for(int i = 0; i < Dense::in_size; ++i)
            weights[j][i] = parameters[offset + (size_t)j * Dense::in_size + i];
    dense.setWeights(weights);
    offset += (size_t)Dense::out_size * Dense::in_size;
    dense.setBias(parameters.data() + offset);
    offset += Dense::out_size;
}

struct Peer
{
    virtual ~Peer() = default;
    virtual void Forward(const float* input, float* output) = 0;
    virtual void Run(const float* input, float* output, int64_t count) = 0;
};

template <typename Model, int... DenseIndices>
struct ModelPeer final : Peer
{
    static constexpr int In = Model::input_size;
    static constexpr int Out = Model::output_size;

    explicit ModelPeer(const std::vector<float>& parameters)
    {
        size_t offset = 0;
        (SetDense(model.template get<DenseIndices>(), parameters, offset), ...);
        model.reset();
    }

    // ModelT maps its input with the alignment it was built for, so the input goes through an aligned copy.
    void Forward(const float* input, float* output) override
    {
        std::memcpy(in, input, sizeof(float) * In);
        model.forward(in);
        std::memcpy(output, model.getOutputs(), sizeof(float) * Out);
    }

    // `count` one-sample forward passes on the same input, each output copied out; the barrier keeps the compiler
    // from merging or dropping any of them.
    void Run(const float* input, float* output, int64_t count) override
    {
        std::memcpy(in, input, sizeof(float) * In);
        for(int64_t n = 0; n < count; ++n)
        {
            model.forward(in);
            std::memcpy(output, model.getOutputs(), sizeof(float) * Out);
            asm volatile("" : : "r"(output), "r"(in) : "memory");
        }
    }

    Model model;
    alignas(64) float in[In];
};

std::vector<std::unique_ptr<Peer>> peers;
} // namespace

extern "C" {

// Loads the weights file at `path` into the ModelT of the same topology; returns a handle, or −1 when the file cannot
// be read or no instantiation has its sizes.
int netgen_rtneural_load(const char* path)
{
    std::ifstream file(path, std::ios::binary);
    int32_t layers = 0;
    if(!file.read(reinterpret_cast<char*>(&layers), sizeof layers) || layers < 1 || layers > 16)
        return -1;
    std::vector<int32_t> sizes((size_t)layers + 1);
    if(!file.read(reinterpret_cast<char*>(sizes.data()), (std::streamsize)(sizeof(int32_t) * sizes.size())))
        return -1;
    size_t count = 0;
    for(int32_t k = 0; k < layers; ++k)
        count += (size_t)sizes[k] * sizes[k + 1] + sizes[k + 1];
    std::vector<float> parameters(count);
    if(!file.read(reinterpret_cast<char*>(parameters.data()), (std::streamsize)(sizeof(float) * count)))
        return -1;

    auto is = [&](std::initializer_list<int32_t> expected) { return std::vector<int32_t>(expected) == sizes; };
    std::unique_ptr<Peer> peer;
    if(is({ 4, 8, 3 }))
        peer = std::make_unique<ModelPeer<Model4x8x3, 0, 2>>(parameters);
    else if(is({ 16, 64, 64, 1 }))
        peer = std::make_unique<ModelPeer<Model16x64x64x1, 0, 2, 4>>(parameters);
    else if(is({ 784, 128, 10 }))
        peer = std::make_unique<ModelPeer<Model784x128x10, 0, 2>>(parameters);
    else if(is({ 784, 256, 128, 10 }))
        peer = std::make_unique<ModelPeer<Model784x256x128x10, 0, 2, 4>>(parameters);
    else
        return -1;
    peers.push_back(std::move(peer));
    return (int)peers.size() - 1;
}

// One forward pass: `output` receives the network's outputs for `input`.
void netgen_rtneural_forward(int handle, const float* input, float* output)
{
    peers[(size_t)handle]->Forward(input, output);
}

// `count` forward passes of `input` in RTNeural's own loop, each output copied to `output`.
void netgen_rtneural_run(int handle, const float* input, float* output, int64_t count)
{
    peers[(size_t)handle]->Run(input, output, count);
}
}
