"""The environment every example runs in, so that what it prints is the same on any x86-64 CPU.

Floating-point results depend on the code path a library picks for the CPU at hand (AVX2 or
AVX-512, Intel or AMD), and a training loop magnifies a difference in the last bit into a
different second decimal. The committed `.out` files are produced, and the tests compare against
them, with every such choice fixed: one thread, PyTorch's portable kernels, and MKL's
conditional numerical reproducibility mode.
"""

EXAMPLE_ENV = {
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "ATEN_CPU_CAPABILITY": "default",  # PyTorch's own kernels without AVX2 / AVX-512 paths
    "MKL_CBWR": "COMPATIBLE",  # MKL: one code path on every Intel or AMD x86-64 CPU
}
