# A buggy submission for the language tests: several known mistakes (mutants), a stub, a raise.
import numpy as np
X_DATA = [1.0, 2.0, 3.0]
Y_DATA = [2.0, 4.0, 6.0]
W_VALUES = np.arange(0.0, 4.1, 0.1)

def _reference_forward(x, w):
    """The prediction of the linear model for input `x` with weight `w`: x * w."""
    return x * w

def _reference_loss(x, y, w):
    """The squared error of the prediction for one sample: (forward(x, w) - y) ** 2."""
    return (_reference_forward(x, w) - y) ** 2

def _reference_mse(x_data, y_data, w):
    """The mean of loss(x, y, w) over the samples (x, y) of the data set."""
    total = 0.0
    for x, y in zip(x_data, y_data):
        total += _reference_loss(x, y, w)
    return total / len(x_data)

def mse_sweep(x_data, y_data, w_values):
    """The MSE of each w in w_values, in the same order: one number per w."""
    return np.array([_reference_mse(x_data, y_data, w) for w in w_values])

def _reference_best_w(x_data, y_data, w_values):
    """The w in w_values with the smallest MSE on the data."""
    costs = mse_sweep(x_data, y_data, w_values)
    return w_values[int(np.argmin(costs))]

def predict(x, x_data, y_data, w_values):
    """The prediction for x, using the best w found by exhaustive search."""
    return _reference_forward(x, _reference_best_w(x_data, y_data, w_values))
XB_DATA = [1.0, 2.0, 3.0]
YB_DATA = [4.0, 7.0, 10.0]
WB_VALUES = np.arange(0.0, 4.1, 0.1)
B_VALUES = np.arange(-2.0, 2.1, 0.1)

def forward_wb(x, w, b):
    """The prediction of the model with bias: x * w + b."""
    return x * w + b

def mse_wb(x_data, y_data, w, b):
    """The mean squared error of the model with bias over the data set."""
    errors = [(forward_wb(x, w, b) - y) ** 2 for x, y in zip(x_data, y_data)]
    return sum(errors) / len(errors)

def _reference_mse_grid(x_data, y_data, w_values, b_values):
    """(W, B, MSE) over np.meshgrid(w_values, b_values): MSE[i, j] is the cost at (W[i, j], B[i, j])."""
    W, B = np.meshgrid(w_values, b_values)
    MSE = np.zeros(W.shape)
    for i in range(W.shape[0]):
        for j in range(W.shape[1]):
            MSE[i, j] = mse_wb(x_data, y_data, W[i, j], B[i, j])
    return (W, B, MSE)

def to_grid(w_list, b_list, mse_list):
    """(W, B, MSE) in np.meshgrid layout, from flat lists filled with w outer and b inner."""
    n_w = len(set(w_list))
    n_b = len(mse_list) // n_w
    W = np.asarray(w_list, dtype=float).reshape(n_w, n_b).T
    B = np.asarray(b_list, dtype=float).reshape(n_w, n_b).T
    MSE = np.asarray(mse_list, dtype=float).reshape(n_w, n_b).T
    return (W, B, MSE)

def best_wb(x_data, y_data, w_values, b_values):
    """The grid point (w, b) with the smallest MSE."""
    W, B, MSE = _reference_mse_grid(x_data, y_data, w_values, b_values)
    i, j = np.unravel_index(np.argmin(MSE), MSE.shape)
    return (W[i, j], B[i, j])

def _reference_plot_sweep(w_values, mse_values):
    """Draw MSE against w as a line; return the Axes."""
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots()
    ax.plot(w_values, mse_values)
    ax.set_xlabel('w')
    ax.set_ylabel('Loss (MSE)')
    return ax

def plot_surface(W, B, MSE):
    """Draw MSE over the (W, B) grid as a 3-D surface; return the 3-D Axes."""
    import matplotlib.pyplot as plt
    fig = plt.figure()
    ax = fig.add_subplot(projection='3d')
    ax.plot_surface(W, B, MSE, cmap='viridis')
    ax.set_xlabel('w')
    ax.set_ylabel('b')
    ax.set_zlabel('Loss (MSE)')
    return ax
if __name__ == '__main__':
    import matplotlib.pyplot as plt
    w = _reference_best_w(X_DATA, Y_DATA, W_VALUES)
    print(f'best w = {w:.1f}; a student who studies 4 hours scores {predict(4.0, X_DATA, Y_DATA, W_VALUES):.1f}')
    _reference_plot_sweep(W_VALUES, mse_sweep(X_DATA, Y_DATA, W_VALUES))
    W, B, MSE = _reference_mse_grid(XB_DATA, YB_DATA, WB_VALUES, B_VALUES)
    print('best (w, b) =', tuple((round(float(v), 1) for v in best_wb(XB_DATA, YB_DATA, WB_VALUES, B_VALUES))))
    plot_surface(W, B, MSE)
    plt.show()


"""mse divides by a hard-coded 3, as the lesson's l_sum / 3."""


def mse(x_data, y_data, w):
    l_sum = 0
    for x_val, y_val in zip(x_data, y_data):
        l_sum += loss(x_val, y_val, w)
    return l_sum / 3


"""forward reads a global w instead of its argument (the lesson's forward(x))."""
w = 4.0


def forward(x, weight):
    return x * w


"""plot_sweep draws the right line but labels no axis."""


def plot_sweep(w_values, mse_values):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot(w_values, mse_values)
    return ax


"""mse_grid uses np.meshgrid(..., indexing="ij"): one row per w."""
import numpy as np


def mse_grid(x_data, y_data, w_values, b_values):
    W, B = np.meshgrid(w_values, b_values, indexing="ij")
    MSE = np.array([[mse_wb(x_data, y_data, w, b) for w, b in zip(rw, rb)] for rw, rb in zip(W, B)])
    return W, B, MSE


def best_w(w_values, costs):
    raise NotImplementedError

def loss(x, y, w):
    return [1, 2][5]
