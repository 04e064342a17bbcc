"""Everything computed in float32, which must pass within the tolerance."""
import numpy as np


def forward(x, w):
    return np.float32(x) * np.float32(w)


def loss(x, y, w):
    return (forward(x, w) - np.float32(y)) ** 2


def mse(x_data, y_data, w):
    return np.mean(loss(np.asarray(x_data, np.float32), np.asarray(y_data, np.float32), w), dtype=np.float32)


def mse_sweep(x_data, y_data, w_values):
    return np.array([mse(x_data, y_data, w) for w in w_values], dtype=np.float32)


def best_w(x_data, y_data, w_values):
    return w_values[int(np.argmin(mse_sweep(x_data, y_data, w_values)))]


def predict(x, x_data, y_data, w_values):
    return forward(x, best_w(x_data, y_data, w_values))


def forward_wb(x, w, b):
    return np.float32(x) * np.float32(w) + np.float32(b)


def mse_wb(x_data, y_data, w, b):
    x, y = np.asarray(x_data, np.float32), np.asarray(y_data, np.float32)
    return np.mean((forward_wb(x, w, b) - y) ** 2, dtype=np.float32)


def mse_grid(x_data, y_data, w_values, b_values):
    W, B = np.meshgrid(np.asarray(w_values, np.float32), np.asarray(b_values, np.float32))
    MSE = np.vectorize(lambda w, b: mse_wb(x_data, y_data, w, b), otypes=[np.float32])(W, B)
    return W, B, MSE


def to_grid(w_list, b_list, mse_list):
    n_w = len(set(w_list))
    arrays = [np.asarray(v, dtype=np.float32).reshape(n_w, -1).T for v in (w_list, b_list, mse_list)]
    return arrays[0], arrays[1], arrays[2]


def best_wb(x_data, y_data, w_values, b_values):
    W, B, MSE = mse_grid(x_data, y_data, w_values, b_values)
    i, j = np.unravel_index(np.argmin(MSE), MSE.shape)
    return float(W[i, j]), float(B[i, j])


def plot_sweep(w_values, mse_values):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot(np.asarray(w_values, np.float32), np.asarray(mse_values, np.float32))
    ax.set_xlabel("w")
    ax.set_ylabel("loss")
    return ax


def plot_surface(W, B, MSE):
    import matplotlib.pyplot as plt

    ax = plt.figure().add_subplot(projection="3d")
    ax.plot_surface(W, B, MSE)
    ax.set_xlabel("w")
    ax.set_ylabel("b")
    ax.set_zlabel("MSE")
    return ax
