"""The confusion matrix read transposed: rows taken as the predictions and columns as the truth.

fools: most_confused_pair_visible
caught_by: most_confused_pair_hidden
"""
# %% solution: most_confused_pair
def most_confused_pair(matrix: torch.Tensor, classes: list) -> tuple:
    "(true class, predicted class, pixels) of the largest off-diagonal count of a confusion matrix (rows truth)."
    mistakes = matrix.clone()
    mistakes.fill_diagonal_(0)
    predicted_class, true_class = divmod(int(mistakes.argmax()), mistakes.shape[1])  # rows: what the model said
    return classes[true_class], classes[predicted_class], int(mistakes[predicted_class, true_class])
