import DeskModel
